package dev.baton.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One version in a subscription's timeline: the contract as it stood from {@code effectiveOn},
 * the order and action that made it, who placed it and why.
 *
 * @param proration how billing treats this version within its billing period (null: not a change
 *        within a period, or made before proration modes, which prorate on the next invoice)
 */
public record SubscriptionEntry(int version, UUID orderId, String orderNumber, String action, LocalDate effectiveOn,
		String actor, String reason, Instant recordedAt, Subscription subscription, Proration proration) {

	public SubscriptionEntry(int version, UUID orderId, String orderNumber, String action, LocalDate effectiveOn,
			String actor, String reason, Instant recordedAt, Subscription subscription) {
		this(version, orderId, orderNumber, action, effectiveOn, actor, reason, recordedAt, subscription, null);
	}
}
