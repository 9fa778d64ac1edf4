package dev.baton.licensing;

import java.time.Instant;

import dev.baton.platform.Money;
import dev.baton.subscription.SubscriptionId;

/**
 * A seat reconciliation (quarterly or true-up) found an overage; the customer is told now and the
 * charge follows no sooner than {@code chargeAfter}.
 */
public record SeatOverageNoticed(ReconciliationId reconciliationId, SubscriptionId subscriptionId, String kind,
		int seatsPaid, int maxBillableUsers, int overage, Money amount, Instant chargeAfter) {
}
