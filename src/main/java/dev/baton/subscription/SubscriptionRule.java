package dev.baton.subscription;

import dev.baton.platform.Rule;

/**
 * The rules an order action must keep, by stable identifier.
 */
public enum SubscriptionRule implements Rule {
	/** The action is allowed in the subscription's status. */
	STATE("subscription.state", null),
	/** A subscription has 1 to 1,000,000 seats. */
	SEATS("subscription.seats", "seats"),
	/** Quantities of add-ons are 1 or more. */
	QUANTITY("subscription.quantity", "quantity"),
	/** A subscription is on a subscription plan; add-ons and packs are added to one. */
	PLAN_KIND("subscription.plan-kind", "planCode"),
	/** A discount is a percent from 0 up to (not including) 100. */
	DISCOUNT("subscription.discount", "discounts"),
	/** A plan change moves to another plan of the same deployment. */
	SAME_DEPLOYMENT("subscription.same-deployment", "planCode"),
	/** A plan change names a plan other than the current one. */
	OTHER_PLAN("subscription.other-plan", "planCode"),
	/** The term fits the plan's billing period. */
	TERM("subscription.term", "termMonths"),
	/** A term starts today or later. */
	TERM_START("subscription.term-start", "termStart"),
	/** An ownership transfer names another account. */
	OTHER_OWNER("subscription.other-owner", "newOwnerAccountId"),
	/** The action names what it needs (a subscription, a plan, a currency). */
	REQUIRED("subscription.required", null);

	private final String id;
	private final String field;

	SubscriptionRule(String id, String field) {
		this.id = id;
		this.field = field;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String field() {
		return field;
	}
}
