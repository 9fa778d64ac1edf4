package dev.baton.ordering;

import java.time.LocalDate;
import java.util.UUID;

import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;

/**
 * A change an order scheduled for the start of the next billing period (a downgrade, by default):
 * pending until that day, then placed as an order of the system's, or dropped when a later order
 * changed the same thing first, or refused when the subscription no longer allowed it.
 *
 * @param action the change as it will be placed (effective now, with its proration)
 * @param placedOrderId the order that placed it, once placed
 */
public record ScheduledChange(UUID id, SubscriptionId subscriptionId, OrderId orderId, SubscriptionChange action,
		LocalDate effectiveOn, Status status, String outcome, OrderId placedOrderId) {

	/** Where a scheduled change stands. */
	public enum Status {
		PENDING, PLACED, DROPPED, REFUSED
	}
}
