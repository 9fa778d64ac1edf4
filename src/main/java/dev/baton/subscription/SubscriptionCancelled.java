package dev.baton.subscription;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A subscription was cancelled: it ends on {@code endsOn} (today for a cancellation now, the term's
 * end otherwise).
 */
public record SubscriptionCancelled(Subscription subscription, LocalDate endsOn, UUID orderId) {
}
