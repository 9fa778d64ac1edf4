package dev.baton.subscription;

import java.util.UUID;

/**
 * An order action made a new version of a subscription (seats, plan, add-ons, owner, suspension);
 * renewals and cancellations have their own events as well.
 */
public record SubscriptionChanged(Subscription before, Subscription after, String action, UUID orderId) {
}
