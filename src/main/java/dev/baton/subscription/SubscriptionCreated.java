package dev.baton.subscription;

import java.util.UUID;

/**
 * A subscription was created by an order.
 */
public record SubscriptionCreated(Subscription subscription, UUID orderId) {
}
