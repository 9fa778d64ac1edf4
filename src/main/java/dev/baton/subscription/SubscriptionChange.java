package dev.baton.subscription;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An order action: one change to one subscription, in the style of Zuora's orders. An order
 * carries a list of them; the subscription is what its orders' actions made it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = SubscriptionChange.Create.class, name = "CREATE_SUBSCRIPTION"),
		@JsonSubTypes.Type(value = SubscriptionChange.AddProduct.class, name = "ADD_PRODUCT"),
		@JsonSubTypes.Type(value = SubscriptionChange.ChangeSeats.class, name = "CHANGE_SEATS"),
		@JsonSubTypes.Type(value = SubscriptionChange.ChangePlan.class, name = "CHANGE_PLAN"),
		@JsonSubTypes.Type(value = SubscriptionChange.Renew.class, name = "RENEW"),
		@JsonSubTypes.Type(value = SubscriptionChange.Cancel.class, name = "CANCEL"),
		@JsonSubTypes.Type(value = SubscriptionChange.Suspend.class, name = "SUSPEND"),
		@JsonSubTypes.Type(value = SubscriptionChange.Resume.class, name = "RESUME"),
		@JsonSubTypes.Type(value = SubscriptionChange.TransferOwner.class, name = "TRANSFER_OWNER") })
public sealed interface SubscriptionChange {

	/** The subscription changed; null for a new one. */
	SubscriptionId subscriptionId();

	/** The action's name, as in the API and the timeline. */
	default String action() {
		return getClass().getAnnotation(Action.class) == null ? getClass().getSimpleName()
				: getClass().getAnnotation(Action.class).value();
	}

	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@interface Action {
		String value();
	}

	/**
	 * A new subscription. Without {@code termStart} it starts on the order's day; without
	 * {@code termMonths} it takes the plan's term. {@code discounts} are percents off list price per
	 * plan code, as a quote agreed them.
	 */
	@Action("CREATE_SUBSCRIPTION")
	record Create(Parties parties, UUID opportunityId, String planCode, String currency, Integer seats,
			Map<String, Integer> addOns, Map<String, java.math.BigDecimal> discounts, LocalDate termStart, Integer termMonths, Boolean autoRenew,
			RenewalPricing renewalPricing) implements SubscriptionChange {

		@Override
		public SubscriptionId subscriptionId() {
			return null;
		}
	}

	/**
	 * How billing treats the change within the current billing period; null for the default (the
	 * plan's, else the setting's). Only the changes made within a period carry one.
	 */
	default Proration proration() {
		return null;
	}

	/** When a change of seats or plan takes effect. */
	enum Effective {
		/** Today. */
		NOW,
		/** At the start of the next billing period: the order schedules it and it is placed on that day. */
		PERIOD_END
	}

	/** Adds an add-on (or more of one) for the rest of the term. */
	@Action("ADD_PRODUCT")
	record AddProduct(SubscriptionId subscriptionId, String planCode, Integer quantity, Proration proration)
			implements SubscriptionChange {

		public AddProduct(SubscriptionId subscriptionId, String planCode, Integer quantity) {
			this(subscriptionId, planCode, quantity, null);
		}
	}

	/**
	 * Sets the number of seats: more is an upsell (from today unless {@code effective} says
	 * otherwise), fewer a reduction (from the next billing period unless it says NOW).
	 */
	@Action("CHANGE_SEATS")
	record ChangeSeats(SubscriptionId subscriptionId, Integer seats, Proration proration, Effective effective)
			implements SubscriptionChange {

		public ChangeSeats(SubscriptionId subscriptionId, Integer seats) {
			this(subscriptionId, seats, null, null);
		}

		/** The same change taking effect now with a proration: how a scheduled change is placed on its day. */
		public ChangeSeats now(Proration proration) {
			return new ChangeSeats(subscriptionId, seats, proration, Effective.NOW);
		}
	}

	/**
	 * Moves to another tier of the same deployment: an upgrade from today, a downgrade (a lower
	 * list price) from the next billing period, unless {@code effective} says otherwise.
	 */
	@Action("CHANGE_PLAN")
	record ChangePlan(SubscriptionId subscriptionId, String planCode, Proration proration, Effective effective)
			implements SubscriptionChange {

		public ChangePlan(SubscriptionId subscriptionId, String planCode) {
			this(subscriptionId, planCode, null, null);
		}

		/** The same change taking effect now with a proration: how a scheduled change is placed on its day. */
		public ChangePlan now(Proration proration) {
			return new ChangePlan(subscriptionId, planCode, proration, Effective.NOW);
		}
	}

	/** Renews for another term starting when this one ends; without {@code termMonths}, the same term. */
	@Action("RENEW")
	record Renew(SubscriptionId subscriptionId, Integer termMonths) implements SubscriptionChange {
	}

	/** When a cancellation takes effect. */
	enum When {
		/** At the end of the current term: nothing renews. */
		AT_TERM_END,
		/** Today: the subscription ends now. */
		NOW
	}

	/** Cancels now or at the end of the term; a cancellation now with proration NONE credits nothing. */
	@Action("CANCEL")
	record Cancel(SubscriptionId subscriptionId, When when, Proration proration) implements SubscriptionChange {

		public Cancel(SubscriptionId subscriptionId, When when) {
			this(subscriptionId, when, null);
		}
	}

	/** Pauses the subscription (for example after failed payments). */
	@Action("SUSPEND")
	record Suspend(SubscriptionId subscriptionId) implements SubscriptionChange {
	}

	/** Lifts a suspension. */
	@Action("RESUME")
	record Resume(SubscriptionId subscriptionId) implements SubscriptionChange {
	}

	/** Gives the subscription to another end customer (after an acquisition, say). */
	@Action("TRANSFER_OWNER")
	record TransferOwner(SubscriptionId subscriptionId, UUID newOwnerAccountId) implements SubscriptionChange {
	}
}
