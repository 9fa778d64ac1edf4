package dev.baton.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.baton.catalog.MeteredPrice;
import dev.baton.catalog.Rating;
import dev.baton.platform.Money;

/**
 * The usage half of the billing engine: a pure function from a subscription's closed usage (each
 * revision of a meter's period, with the metered price it is billed at) and the usage lines already
 * invoiced to the usage lines still to invoice. Usage is billed in arrears, one line per meter and
 * period once the period closed; a revision taken later, for events that arrived after the period
 * closed, is an adjustment line naming the period: the rating of the new figures less the rating
 * of those billed before. Recompute and diff: a line's key (meter, period, revision) is invoiced
 * once, so running it again gives nothing.
 */
public final class UsageCharges {

	private UsageCharges() {
	}

	/** Everything one computation takes: stored with its lines, so finance can recompute them. */
	public record Inputs(UUID subscriptionId, String subscriptionNumber, String currency, List<MeteredUsage> usage,
			Set<String> invoicedKeys) {

		public Inputs {
			Objects.requireNonNull(subscriptionId, "subscriptionId");
			usage = usage.stream().sorted(Comparator.comparing(MeteredUsage::key)).toList();
			invoicedKeys = Set.copyOf(invoicedKeys);
		}

		/** The lines these inputs give. */
		public List<UsageLine> lines() {
			return diff(this);
		}
	}

	/**
	 * One revision of a meter's period as billing sees it.
	 *
	 * @param closedIn the period whose close took the revision; after the period itself, the revision is late
	 * @param previous the figures billed before, for a late revision; null for the first
	 * @param sourceVersion the subscription version in force in the period, and its order
	 */
	public record MeteredUsage(String meterCode, String meterName, String unit, LocalDate periodStart,
			LocalDate periodEnd, int revision, LocalDate closedIn, BigDecimal used, long events, long lateEvents,
			BigDecimal allowance, BigDecimal prepaid, Figures previous, MeteredPrice price, int seats,
			UUID priceBookVersionId, int priceBookVersionNumber, int sourceVersion, String orderNumber) {

		public MeteredUsage {
			Objects.requireNonNull(meterCode, "meterCode");
			Objects.requireNonNull(price, "price");
		}

		public boolean late() {
			return !closedIn.equals(periodStart);
		}

		/** The line's identity: the same revision of the same period is invoiced once. */
		public String key() {
			return "USAGE|" + meterCode + "|" + periodStart + "|r" + revision;
		}

		public Rating rating() {
			return Rating.rate(price, used, allowance, prepaid);
		}

		/** The rating of what was billed before this revision; null for the first. */
		public Rating billedBefore() {
			return previous == null ? null : Rating.rate(price, previous.used(), previous.allowance(), previous.prepaid());
		}
	}

	/** The figures of a revision billed before: used, events, allowance, units from packs. */
	public record Figures(BigDecimal used, long events, BigDecimal allowance, BigDecimal prepaid) {
	}

	/** A usage line to invoice: a charge, or a credit when a late revision rates lower than what was billed. */
	public record UsageLine(Line.Kind kind, MeteredUsage usage, Money amount, String explanation) {

		public String chargeKey() {
			return usage.key();
		}
	}

	/** What to invoice: the lines of every revision not invoiced yet. */
	public static List<UsageLine> diff(Inputs inputs) {
		var lines = new ArrayList<UsageLine>();
		for (var usage : inputs.usage()) {
			if (inputs.invoicedKeys().contains(usage.key())) {
				continue;
			}
			var rating = usage.rating();
			var before = usage.billedBefore();
			var amount = before == null ? rating.amount().amount() : rating.amount().amount().subtract(before.amount().amount());
			var money = new Money(amount, rating.amount().currency());
			lines.add(new UsageLine(amount.signum() < 0 ? Line.Kind.CREDIT : Line.Kind.CHARGE, usage, money,
					words(usage, rating, before, money)));
		}
		return lines;
	}

	/**
	 * The line's arithmetic in words, such as
	 * {@code CI compute minutes 2027-03: 12,500 minutes used (212 events); 10,000 included; ... = USD 25.00 (premium-saas-monthly, price book version 3)}.
	 */
	static String words(MeteredUsage usage, Rating rating, Rating before, Money amount) {
		var month = usage.periodStart().toString().substring(0, 7);
		var text = new StringBuilder();
		if (usage.late()) {
			text.append("Adjustment for ").append(usage.meterName()).append(' ').append(month).append(": ")
					.append(usage.lateEvents()).append(usage.lateEvents() == 1 ? " event" : " events")
					.append(" arrived after the period closed; now ");
		}
		else {
			text.append(usage.meterName()).append(' ').append(month).append(": ");
		}
		text.append(rating.words().replaceFirst(" used;", " used (" + usage.events() + (usage.events() == 1 ? " event);"
				: " events);")));
		if (before != null) {
			text.append(", less ").append(before.amount().formatted()).append(" billed before = ").append(amount.formatted());
		}
		text.append(" (").append(usage.price().planCode()).append(", price book version ").append(usage.priceBookVersionNumber())
				.append(')');
		return text.toString();
	}
}
