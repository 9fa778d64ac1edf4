package dev.baton.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry in a person's in-app inbox; {@code readAt} is empty until they mark it read.
 */
record Notification(UUID id, String title, String body, String link, UUID requestId, Instant createdAt,
		Instant readAt) {
}
