package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.MeteredPrice;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionStatus;
import dev.baton.subscription.Subscriptions;
import dev.baton.usage.jdbc.UsageRatingRepository.AllowanceRow;
import dev.baton.usage.jdbc.UsageRatingRepository;

/**
 * What a subject may use of a meter in a period before paying beyond: the allowance of the metered
 * price of the subject's subscription (the subject is the account's CRM id), worked out once per
 * subject, meter and period and kept, so the entitlement check reads it with one indexed read. A
 * subscription change forgets the periods not yet closed; they are worked out again when needed.
 * <p>
 * The subscription is the oldest the account owns whose version in force in the period (on its
 * last day, or today in the current period; else on its first day) has a metered price for the
 * meter; the allowance counts the seats of that version.
 */
@Component
class Allowances {

	private final UsageRatingRepository repository;
	private final Pipeline pipeline;
	private final Subscriptions subscriptions;
	private final Catalog catalog;
	private final Clock clock;

	Allowances(UsageRatingRepository repository, Pipeline pipeline, Subscriptions subscriptions, Catalog catalog,
			Clock clock) {
		this.repository = repository;
		this.pipeline = pipeline;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The allowance (and the metered price behind it), and whether a subscription prices the meter at all. */
	record Resolved(AllowanceRow row, MeteredPrice price) {

		boolean priced() {
			return row.subscriptionId() != null;
		}
	}

	AllowanceRow of(String subject, String meterCode, Instant periodStart) {
		return repository.allowance(subject, meterCode, periodStart).orElseGet(() -> {
			var epoch = repository.epoch(subject);
			var row = work(subject, meterCode, periodStart).row();
			repository.save(row, epoch);
			return row;
		});
	}

	/** The allowance with its metered price (read from the catalog), for pages and projections. */
	Resolved resolved(String subject, String meterCode, Instant periodStart) {
		var row = of(subject, meterCode, periodStart);
		if (row.subscriptionId() == null) {
			return new Resolved(row, null);
		}
		var price = catalog.meteredPrice(dev.baton.catalog.PriceBookVersionId.of(row.priceBookVersionId()),
				row.planCode(), meterCode, row.currency()).orElse(null);
		return new Resolved(row, price);
	}

	/**
	 * The meters the subject's subscriptions price today (their plans' metered prices), for pages
	 * that show what a customer is metered for.
	 */
	java.util.Set<String> pricedMeters(String subject) {
		var meters = new java.util.TreeSet<String>();
		var account = pipeline.accountByExternalId(subject);
		if (account.isEmpty()) {
			return meters;
		}
		var today = LocalDate.now(clock);
		for (var s : subscriptions.ofAccount(AccountId.of(account.get().id()))) {
			if (s.parties().ownerAccountId().equals(account.get().id()) && inForce(s, today)) {
				catalog.meteredPrices(s.planCode(), s.currency(), today, s.priceBookVersionId())
						.ifPresent(prices -> prices.prices().forEach(p -> meters.add(p.meterCode())));
			}
		}
		return meters;
	}

	private Resolved work(String subject, String meterCode, Instant periodStart) {
		var now = clock.instant();
		var none = new Resolved(new AllowanceRow(subject, meterCode, periodStart, BigDecimal.ZERO, null, null, null, null,
				null, null, now), null);
		var account = pipeline.accountByExternalId(subject);
		if (account.isEmpty()) {
			return none;
		}
		var first = day(periodStart);
		var last = day(UsagePeriods.next(periodStart)).minusDays(1);
		var today = LocalDate.now(clock);
		var day = last.isAfter(today) ? (today.isBefore(first) ? first : today) : last;
		var owned = subscriptions.ofAccount(AccountId.of(account.get().id())).stream()
				.filter(s -> s.parties().ownerAccountId().equals(account.get().id()))
				.sorted(Comparator.comparing(Subscription::number)).toList();
		for (var subscription : owned) {
			var timeline = subscriptions.timeline(subscription.id());
			for (var on : List.of(day, first)) {
				var version = holding(timeline, on).filter(v -> inForce(v, on));
				if (version.isEmpty()) {
					continue;
				}
				var s = version.get();
				var prices = catalog.meteredPrices(s.planCode(), s.currency(), on, s.priceBookVersionId());
				var metered = prices.flatMap(p -> p.of(meterCode));
				if (metered.isPresent()) {
					return new Resolved(new AllowanceRow(subject, meterCode, periodStart, metered.get().allowance(s.seats()),
							s.id().value(), s.number(), s.planCode(), s.seats(), s.currency(),
							prices.get().versionId().value(), now), metered.get());
				}
				break;
			}
		}
		return none;
	}

	private static Optional<Subscription> holding(List<SubscriptionEntry> timeline, LocalDate day) {
		Subscription holding = null;
		for (var entry : timeline) {
			if (!entry.effectiveOn().isAfter(day)) {
				holding = entry.subscription();
			}
		}
		return Optional.ofNullable(holding);
	}

	private static boolean inForce(Subscription s, LocalDate day) {
		return s.status() != SubscriptionStatus.CANCELLED && !day.isBefore(s.termStart())
				&& (s.termEnd() == null || day.isBefore(s.termEnd())) && (s.cancelsOn() == null || day.isBefore(s.cancelsOn()));
	}

	private static LocalDate day(Instant instant) {
		return instant.atZone(ZoneOffset.UTC).toLocalDate();
	}
}
