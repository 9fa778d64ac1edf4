package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.baton.subscription.SubscriptionId;

/**
 * A prepaid pack was bought by an order: {@code units} of a meter to draw on until it expires. Billing
 * charges it once, for {@code quantity} of its plan.
 */
public record PackBought(UUID packId, String subject, String meterCode, String planCode, int quantity,
		BigDecimal units, Instant boughtAt, Instant expiresAt, SubscriptionId subscriptionId, int subscriptionVersion,
		UUID orderId) {
}
