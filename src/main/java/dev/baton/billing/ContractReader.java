package dev.baton.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.baton.billing.domain.Charge;
import dev.baton.billing.domain.Contract;
import dev.baton.billing.domain.ContractVersion;
import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.Plan;
import dev.baton.catalog.Price;
import dev.baton.catalog.ProductKind;
import dev.baton.platform.BatonException;
import dev.baton.subscription.Proration;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionStatus;
import dev.baton.subscription.Subscriptions;

/**
 * Reads a subscription's timeline and the price book into the engine's input: each version's
 * recurring charges at the list price of the price book version it names.
 */
@Component
class ContractReader {

	private final Subscriptions subscriptions;
	private final Catalog catalog;

	ContractReader(Subscriptions subscriptions, Catalog catalog) {
		this.subscriptions = subscriptions;
		this.catalog = catalog;
	}

	/** The contract, and the subscription as it stands now. */
	record Read(Contract contract, Subscription current) {
	}

	Read read(SubscriptionId id) {
		return read(id, subscriptions.timeline(id), new Prices());
	}

	/**
	 * The contracts of several subscriptions, read together: their timelines in one query, and each
	 * plan and price once for all of them. Subscriptions with no timeline are left out.
	 */
	java.util.Map<SubscriptionId, Read> readAll(java.util.Collection<SubscriptionId> ids, Prices prices) {
		var reads = new java.util.LinkedHashMap<SubscriptionId, Read>();
		subscriptions.timelines(ids).forEach((id, timeline) -> reads.put(id, read(id, timeline, prices)));
		return reads;
	}

	/** The contract a timeline makes (a stored one, or a hypothetical one for a preview). */
	Read read(SubscriptionId id, List<SubscriptionEntry> timeline, Prices prices) {
		// the last version's snapshot is the subscription as it stands
		var current = timeline.get(timeline.size() - 1).subscription();
		var first = timeline.get(0);
		var period = months(prices.plan(first.subscription().planCode()).billingPeriod());
		var versions = new ArrayList<ContractVersion>();
		for (var entry : timeline) {
			versions.add(version(entry, prices));
		}
		var contract = new Contract(id.value(), current.number(), current.currency(), first.effectiveOn(), period,
				versions);
		return new Read(contract, current);
	}

	/**
	 * The plans, products and prices read while building contracts, each read once: a run reads
	 * thousands of contracts on a handful of plans. Published price book versions never change, so
	 * what a price resolves to on a day stays true while the cache lives (one batch).
	 */
	final class Prices {

		private final Map<String, Plan> plans = new HashMap<>();
		private final Map<String, Boolean> recurring = new HashMap<>();
		private final Map<String, Price> prices = new HashMap<>();
		// the published versions by effective date, read once: which is in effect on a day is then a lookup
		private java.util.NavigableMap<LocalDate, dev.baton.catalog.PriceBookVersionId> published;

		Plan plan(String code) {
			return plans.computeIfAbsent(code, catalog::plan);
		}

		boolean recurring(String code) {
			return recurring.computeIfAbsent(code, c -> ContractReader.this.recurring(plan(c)));
		}

		/** The price the version names; an add-on its price book version does not price comes from the one in effect. */
		Price price(String code, Subscription s, LocalDate day) {
			// what a price resolves to depends on the day only through the version in effect that day
			var key = code + "|" + s.currency() + "|" + inEffect(day) + "|" + s.priceBookVersionId();
			var cached = prices.get(key);
			if (cached == null) {
				try {
					cached = catalog.price(code, s.currency(), day, s.priceBookVersionId());
				}
				catch (BatonException noPrice) {
					cached = catalog.price(code, s.currency(), day, null);
				}
				prices.put(key, cached);
			}
			return cached;
		}

		private Object inEffect(LocalDate day) {
			if (published == null) {
				published = new java.util.TreeMap<>();
				catalog.versions().stream().filter(dev.baton.catalog.PriceBookVersion::isPublished)
						.forEach(v -> published.put(v.effectiveFrom(), v.id()));
			}
			var entry = published.floorEntry(day);
			// before the first version: the day itself, so the catalog says there is no price
			return entry == null ? day : entry.getValue();
		}
	}

	private ContractVersion version(SubscriptionEntry entry, Prices prices) {
		var s = entry.subscription();
		var charges = new ArrayList<Charge>();
		charges.add(charge(s, entry.effectiveOn(), Charge.Kind.PLAN, s.planCode(), s.seats(), prices));
		s.addOns().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(addOn -> {
			if (prices.recurring(addOn.getKey())) {
				charges.add(charge(s, entry.effectiveOn(), Charge.Kind.ADD_ON, addOn.getKey(), addOn.getValue(), prices));
			}
		});
		LocalDate endsOn = s.termEnd();
		if (s.cancelsOn() != null && (s.status() == SubscriptionStatus.CANCELLED || s.cancelsOn().isBefore(endsOn))) {
			endsOn = s.cancelsOn();
		}
		return new ContractVersion(entry.version(), entry.effectiveOn(), entry.orderNumber(), entry.action(), endsOn,
				charges, entry.proration() == Proration.NONE);
	}

	private Charge charge(Subscription s, LocalDate day, Charge.Kind kind, String code, int quantity, Prices prices) {
		var plan = prices.plan(code);
		var price = prices.price(code, s, day);
		BigDecimal discount = s.discounts().getOrDefault(code, BigDecimal.ZERO);
		return new Charge(code, kind, BigDecimal.valueOf(quantity), plan.unit(), price.entry(),
				months(plan.billingPeriod()), price.versionId().value(), price.versionNumber(), discount);
	}

	/** One-time charges (packs, services) and metered usage are not recurring charges; billing leaves them for now. */
	private boolean recurring(Plan plan) {
		if (plan.billingPeriod() == BillingPeriod.ONE_TIME) {
			return false;
		}
		var metered = plan.chargeModel() == ChargeModel.TIERED || plan.chargeModel() == ChargeModel.VOLUME;
		return !(metered && catalog.product(plan.productCode()).kind() == ProductKind.CONSUMABLE);
	}

	static int months(BillingPeriod period) {
		return period == BillingPeriod.MONTHLY ? 1 : 12;
	}
}
