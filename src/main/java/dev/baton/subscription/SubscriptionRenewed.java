package dev.baton.subscription;

import java.util.UUID;

/**
 * A subscription was renewed for another term.
 */
public record SubscriptionRenewed(Subscription subscription, UUID orderId) {
}
