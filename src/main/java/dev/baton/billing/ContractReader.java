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
		var timeline = subscriptions.timeline(id);
		var current = subscriptions.subscription(id);
		var plans = new HashMap<String, Plan>();
		var first = timeline.get(0);
		var period = months(plan(plans, first.subscription().planCode()).billingPeriod());
		var versions = new ArrayList<ContractVersion>();
		for (var entry : timeline) {
			versions.add(version(entry, plans));
		}
		var contract = new Contract(id.value(), current.number(), current.currency(), first.effectiveOn(), period,
				versions);
		return new Read(contract, current);
	}

	private ContractVersion version(SubscriptionEntry entry, Map<String, Plan> plans) {
		var s = entry.subscription();
		var charges = new ArrayList<Charge>();
		charges.add(charge(s, entry.effectiveOn(), Charge.Kind.PLAN, s.planCode(), s.seats(), plans));
		s.addOns().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(addOn -> {
			var plan = plan(plans, addOn.getKey());
			if (recurring(plan)) {
				charges.add(charge(s, entry.effectiveOn(), Charge.Kind.ADD_ON, addOn.getKey(), addOn.getValue(), plans));
			}
		});
		LocalDate endsOn = s.termEnd();
		if (s.cancelsOn() != null && (s.status() == SubscriptionStatus.CANCELLED || s.cancelsOn().isBefore(endsOn))) {
			endsOn = s.cancelsOn();
		}
		return new ContractVersion(entry.version(), entry.effectiveOn(), entry.orderNumber(), entry.action(), endsOn,
				charges);
	}

	private Charge charge(Subscription s, LocalDate day, Charge.Kind kind, String code, int quantity,
			Map<String, Plan> plans) {
		var plan = plan(plans, code);
		var price = price(code, s, day);
		BigDecimal discount = s.discounts().getOrDefault(code, BigDecimal.ZERO);
		return new Charge(code, kind, BigDecimal.valueOf(quantity), plan.unit(), price.entry(),
				months(plan.billingPeriod()), price.versionId().value(), price.versionNumber(), discount);
	}

	/** The price the version names; an add-on its price book version does not price comes from the one in effect. */
	private Price price(String code, Subscription s, LocalDate day) {
		try {
			return catalog.price(code, s.currency(), day, s.priceBookVersionId());
		}
		catch (BatonException noPrice) {
			return catalog.price(code, s.currency(), day, null);
		}
	}

	private Plan plan(Map<String, Plan> plans, String code) {
		return plans.computeIfAbsent(code, catalog::plan);
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
