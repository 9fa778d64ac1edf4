package dev.baton.subscription.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.baton.catalog.BillingPeriod;
import dev.baton.catalog.Deployment;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.ProductKind;
import dev.baton.platform.Decision;
import dev.baton.subscription.Parties;
import dev.baton.subscription.RenewalPricing;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionRule;
import dev.baton.subscription.SubscriptionStatus;

/**
 * What an order action makes of a subscription: the next version, or the rules it breaks. Every
 * state guard lives here, so the API, the pages and the scheduled renewals refuse alike.
 */
public final class SubscriptionChanges {

	private static final int MAX_SEATS = 1_000_000;

	private SubscriptionChanges() {
	}

	/** A plan as the rules see it. */
	public record PlanFacts(String code, ProductKind kind, Deployment deployment, BillingPeriod period, int termMonths) {
	}

	/**
	 * What the rules look at besides the subscription: the day, the plan the action names (null
	 * when it names none), the current plan, and the price book version a new price would come
	 * from.
	 */
	public record Facts(LocalDate today, PlanFacts plan, PlanFacts currentPlan, PriceBookVersionId priceVersion,
			SubscriptionId newId, String newNumber) {
	}

	/** The next version, or why there is none. */
	public record Outcome(Decision decision, Subscription next) {

		static Outcome refused(Decision decision) {
			return new Outcome(decision, null);
		}
	}

	public static Outcome apply(Subscription current, SubscriptionChange change, Facts facts) {
		if (change instanceof SubscriptionChange.Create create) {
			return create(create, facts);
		}
		var state = state(current, change);
		if (state.isRefused()) {
			return Outcome.refused(state);
		}
		// Java 17: no patterns in switch, so one instanceof per action
		if (change instanceof SubscriptionChange.AddProduct add) {
			return addProduct(current, add, facts);
		}
		if (change instanceof SubscriptionChange.ChangeSeats seats) {
			return changeSeats(current, seats);
		}
		if (change instanceof SubscriptionChange.ChangePlan plan) {
			return changePlan(current, plan, facts);
		}
		if (change instanceof SubscriptionChange.Renew renew) {
			return renew(current, renew, facts);
		}
		if (change instanceof SubscriptionChange.Cancel cancel) {
			return cancel(current, cancel, facts);
		}
		if (change instanceof SubscriptionChange.Suspend) {
			return allowed(with(current).status(SubscriptionStatus.SUSPENDED));
		}
		if (change instanceof SubscriptionChange.Resume) {
			return allowed(with(current).status(SubscriptionStatus.ACTIVE));
		}
		return transfer(current, (SubscriptionChange.TransferOwner) change);
	}

	/** Whether the action is allowed in the subscription's status, the one place that says so. */
	public static Decision state(Subscription current, SubscriptionChange change) {
		var status = current.status();
		var number = current.number();
		var check = Decision.check();
		if (status == SubscriptionStatus.CANCELLED) {
			return check.refuseIf(true, SubscriptionRule.STATE,
					() -> "Subscription " + number + " is cancelled: nothing changes on it any more").decide();
		}
		if (change instanceof SubscriptionChange.Resume) {
			check.refuseIf(status != SubscriptionStatus.SUSPENDED, SubscriptionRule.STATE,
					() -> "Subscription " + number + " is " + status + ", not suspended");
		}
		else if (change instanceof SubscriptionChange.Cancel cancel) {
			check.refuseIf(cancel.when() != SubscriptionChange.When.NOW && current.cancelsOn() != null,
					SubscriptionRule.STATE, () -> "Subscription " + number + " already cancels on " + current.cancelsOn());
		}
		else if (change instanceof SubscriptionChange.Renew) {
			check.refuseIf(status != SubscriptionStatus.ACTIVE, SubscriptionRule.STATE,
					() -> "Subscription " + number + " is " + status + "; resume it before renewing")
					.refuseIf(current.cancelsOn() != null, SubscriptionRule.STATE,
							() -> "Subscription " + number + " cancels on " + current.cancelsOn() + "; it does not renew");
		}
		else {
			check.refuseIf(status != SubscriptionStatus.ACTIVE, SubscriptionRule.STATE,
					() -> "Subscription " + number + " is " + status + "; only an active subscription is changed");
		}
		return check.decide();
	}

	private static Outcome create(SubscriptionChange.Create create, Facts facts) {
		var plan = facts.plan();
		var seats = create.seats() == null ? 0 : create.seats();
		var start = create.termStart() == null ? facts.today() : create.termStart();
		var term = create.termMonths() == null ? plan.termMonths() : create.termMonths();
		var decision = Decision.check()
				.refuseIf(plan.kind() != ProductKind.SUBSCRIPTION, SubscriptionRule.PLAN_KIND,
						() -> plan.code() + " is a " + plan.kind() + " plan; a subscription is on a SUBSCRIPTION plan"
								+ " (add-ons and packs are added with ADD_PRODUCT)")
				.refuseIf(seats < 1 || seats > MAX_SEATS, SubscriptionRule.SEATS,
						() -> "A subscription has 1 to " + MAX_SEATS + " seats, not " + seats)
				.refuseIf(!plan.period().allowsTerm(term), SubscriptionRule.TERM,
						() -> plan.code() + " is " + plan.period() + ": its term is " + plan.period().allowedTerms()
								+ ", not " + term)
				.refuseIf(start.isBefore(facts.today()), SubscriptionRule.TERM_START,
						() -> "A term starts today (" + facts.today() + ") or later, not on " + start)
				.add(addOnQuantities(create.addOns()))
				.refuseIf(create.discounts() != null && create.discounts().values().stream()
						.anyMatch(d -> d == null || d.signum() < 0 || d.compareTo(java.math.BigDecimal.valueOf(100)) >= 0),
						SubscriptionRule.DISCOUNT, () -> "A discount is a percent from 0 up to (not including) 100")
				.decide();
		if (decision.isRefused()) {
			return Outcome.refused(decision);
		}
		var parties = create.parties();
		return allowed(new Subscription(facts.newId(), facts.newNumber(),
				new Parties(parties.ownerAccountId(), parties.invoiceOwnerAccountId(), parties.distributorAccountId()),
				create.opportunityId(), plan.code(), create.currency(), seats,
				create.addOns() == null ? Map.of() : create.addOns(), create.discounts(), SubscriptionStatus.ACTIVE, start,
				start.plusMonths(term), term, create.autoRenew() == null || create.autoRenew(),
				create.renewalPricing() == null ? RenewalPricing.PRICE_BOOK_AT_RENEWAL : create.renewalPricing(),
				facts.priceVersion(), null, 0));
	}

	private static Decision addOnQuantities(Map<String, Integer> addOns) {
		var check = Decision.check();
		if (addOns != null) {
			addOns.forEach((plan, quantity) -> check.refuseIf(quantity == null || quantity < 1, SubscriptionRule.QUANTITY,
					() -> "Add-on " + plan + " needs a quantity of 1 or more"));
		}
		return check.decide();
	}

	private static Outcome addProduct(Subscription current, SubscriptionChange.AddProduct add, Facts facts) {
		var plan = facts.plan();
		var quantity = add.quantity() == null ? 0 : add.quantity();
		var decision = Decision.check()
				.refuseIf(plan.kind() == ProductKind.SUBSCRIPTION || plan.kind() == ProductKind.SERVICE,
						SubscriptionRule.PLAN_KIND, () -> plan.code() + " is a " + plan.kind()
								+ " plan; ADD_PRODUCT adds an add-on or a consumable (CHANGE_PLAN changes the tier)")
				.refuseIf(quantity < 1, SubscriptionRule.QUANTITY, () -> "The quantity is 1 or more, not " + quantity)
				.decide();
		if (decision.isRefused()) {
			return Outcome.refused(decision);
		}
		var addOns = new LinkedHashMap<>(current.addOns());
		addOns.merge(plan.code(), quantity, Integer::sum);
		return allowed(with(current).addOns(addOns));
	}

	private static Outcome changeSeats(Subscription current, SubscriptionChange.ChangeSeats change) {
		var seats = change.seats() == null ? 0 : change.seats();
		var decision = Decision.check().refuseIf(seats < 1 || seats > MAX_SEATS, SubscriptionRule.SEATS,
				() -> "A subscription has 1 to " + MAX_SEATS + " seats, not " + seats)
				.refuseIf(seats == current.seats(), SubscriptionRule.SEATS,
						() -> "Subscription " + current.number() + " has " + seats + " seats already")
				.decide();
		return decision.isRefused() ? Outcome.refused(decision) : allowed(with(current).seats(seats));
	}

	private static Outcome changePlan(Subscription current, SubscriptionChange.ChangePlan change, Facts facts) {
		var plan = facts.plan();
		var was = facts.currentPlan();
		var decision = Decision.check()
				.refuseIf(plan.kind() != ProductKind.SUBSCRIPTION, SubscriptionRule.PLAN_KIND,
						() -> plan.code() + " is a " + plan.kind() + " plan, not a tier to move to")
				.refuseIf(plan.code().equals(current.planCode()), SubscriptionRule.OTHER_PLAN,
						() -> "Subscription " + current.number() + " is on " + plan.code() + " already")
				.refuseIf(plan.deployment() != was.deployment(), SubscriptionRule.SAME_DEPLOYMENT,
						() -> "A plan change stays on " + was.deployment() + "; moving to " + plan.deployment()
								+ " is a new subscription")
				.refuseIf(plan.period() != was.period(), SubscriptionRule.TERM,
						() -> "A plan change keeps the billing period (" + was.period() + "); " + plan.code() + " is "
								+ plan.period())
				.decide();
		return decision.isRefused() ? Outcome.refused(decision)
				: allowed(with(current).plan(plan.code(), facts.priceVersion()));
	}

	private static Outcome renew(Subscription current, SubscriptionChange.Renew renew, Facts facts) {
		var plan = facts.currentPlan();
		var term = renew.termMonths() == null ? current.termMonths() : renew.termMonths();
		var decision = Decision.check().refuseIf(!plan.period().allowsTerm(term), SubscriptionRule.TERM,
				() -> current.planCode() + " is " + plan.period() + ": its term is " + plan.period().allowedTerms()
						+ ", not " + term)
				.decide();
		if (decision.isRefused()) {
			return Outcome.refused(decision);
		}
		var prices = current.renewalPricing() == RenewalPricing.LOCKED ? current.priceBookVersionId() : facts.priceVersion();
		return allowed(with(current).term(current.termEnd(), term, prices));
	}

	private static Outcome cancel(Subscription current, SubscriptionChange.Cancel cancel, Facts facts) {
		if (cancel.when() == SubscriptionChange.When.NOW) {
			return allowed(with(current).cancelled(facts.today()));
		}
		return allowed(with(current).cancelsOn(current.termEnd()));
	}

	private static Outcome transfer(Subscription current, SubscriptionChange.TransferOwner transfer) {
		var decision = Decision.check().refuseIf(transfer.newOwnerAccountId() == null
				|| transfer.newOwnerAccountId().equals(current.parties().ownerAccountId()), SubscriptionRule.OTHER_OWNER,
				() -> "A transfer names another account than the owner").decide();
		return decision.isRefused() ? Outcome.refused(decision)
				: allowed(with(current).parties(current.parties().withOwner(transfer.newOwnerAccountId())));
	}

	private static Outcome allowed(Subscription next) {
		return new Outcome(Decision.allowed(), next);
	}

	private static Next with(Subscription current) {
		return new Next(current);
	}

	/** Copies of a subscription with one thing changed and the version counted up. */
	private record Next(Subscription s) {

		private Subscription copy(Parties parties, String plan, int seats, Map<String, Integer> addOns,
				SubscriptionStatus status, LocalDate start, LocalDate end, int term, boolean autoRenew,
				PriceBookVersionId prices, LocalDate cancelsOn) {
			return new Subscription(s.id(), s.number(), parties, s.opportunityId(), plan, s.currency(), seats, addOns,
					s.discounts(), status, start, end, term, autoRenew, s.renewalPricing(), prices, cancelsOn, s.version() + 1);
		}

		Subscription status(SubscriptionStatus status) {
			return copy(s.parties(), s.planCode(), s.seats(), s.addOns(), status, s.termStart(), s.termEnd(),
					s.termMonths(), s.autoRenew(), s.priceBookVersionId(), s.cancelsOn());
		}

		Subscription seats(int seats) {
			return copy(s.parties(), s.planCode(), seats, s.addOns(), s.status(), s.termStart(), s.termEnd(),
					s.termMonths(), s.autoRenew(), s.priceBookVersionId(), s.cancelsOn());
		}

		Subscription addOns(Map<String, Integer> addOns) {
			return copy(s.parties(), s.planCode(), s.seats(), addOns, s.status(), s.termStart(), s.termEnd(),
					s.termMonths(), s.autoRenew(), s.priceBookVersionId(), s.cancelsOn());
		}

		Subscription plan(String plan, PriceBookVersionId prices) {
			return copy(s.parties(), plan, s.seats(), s.addOns(), s.status(), s.termStart(), s.termEnd(), s.termMonths(),
					s.autoRenew(), prices, s.cancelsOn());
		}

		Subscription term(LocalDate start, int months, PriceBookVersionId prices) {
			return copy(s.parties(), s.planCode(), s.seats(), s.addOns(), s.status(), start, start.plusMonths(months),
					months, s.autoRenew(), prices, null);
		}

		Subscription cancelled(LocalDate on) {
			return copy(s.parties(), s.planCode(), s.seats(), s.addOns(), SubscriptionStatus.CANCELLED, s.termStart(),
					s.termEnd(), s.termMonths(), false, s.priceBookVersionId(), on);
		}

		Subscription cancelsOn(LocalDate on) {
			return copy(s.parties(), s.planCode(), s.seats(), s.addOns(), s.status(), s.termStart(), s.termEnd(),
					s.termMonths(), false, s.priceBookVersionId(), on);
		}

		Subscription parties(Parties parties) {
			return copy(parties, s.planCode(), s.seats(), s.addOns(), s.status(), s.termStart(), s.termEnd(),
					s.termMonths(), s.autoRenew(), s.priceBookVersionId(), s.cancelsOn());
		}
	}
}
