package dev.baton.notification;

import java.util.UUID;

/**
 * One chat message or e-mail as claimed for an attempt; {@code attempts} counts this one and is the
 * claim's token, so only the claimant records the outcome.
 */
record Delivery(UUID id, String eventKey, UUID requestId, Channel channel, UUID recipientId, String payload,
		int attempts) {
}
