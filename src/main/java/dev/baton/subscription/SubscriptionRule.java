package dev.baton.subscription;

import dev.baton.platform.Rule;

/**
 * The rules an order action must keep, by stable identifier.
 */
public enum SubscriptionRule implements Rule {
	/** The action is allowed in the subscription's status. */
	@Rule.Id("subscription.state")
	STATE,
	/** A subscription has 1 to 1,000,000 seats. */
	@Rule.Id(value = "subscription.seats", field = "seats")
	SEATS,
	/** Quantities of add-ons are 1 or more. */
	@Rule.Id(value = "subscription.quantity", field = "quantity")
	QUANTITY,
	/** A subscription is on a subscription plan; add-ons and packs are added to one. */
	@Rule.Id(value = "subscription.plan-kind", field = "planCode")
	PLAN_KIND,
	/** A discount is a percent from 0 up to (not including) 100. */
	@Rule.Id(value = "subscription.discount", field = "discounts")
	DISCOUNT,
	/** A plan change moves to another plan of the same deployment. */
	@Rule.Id(value = "subscription.same-deployment", field = "planCode")
	SAME_DEPLOYMENT,
	/** A plan change names a plan other than the current one. */
	@Rule.Id(value = "subscription.other-plan", field = "planCode")
	OTHER_PLAN,
	/** The term fits the plan's billing period. */
	@Rule.Id(value = "subscription.term", field = "termMonths")
	TERM,
	/** A term starts today or later. */
	@Rule.Id(value = "subscription.term-start", field = "termStart")
	TERM_START,
	/** An ownership transfer names another account. */
	@Rule.Id(value = "subscription.other-owner", field = "newOwnerAccountId")
	OTHER_OWNER,
	/** The action names what it needs (a subscription, a plan, a currency). */
	@Rule.Id("subscription.required")
	REQUIRED;
}
