package dev.baton.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal API token as stored: never the secret itself, only its hash and a recognisable prefix.
 */
record ApiToken(UUID id, UUID userId, String name, String prefix, Instant createdAt, Instant expiresAt,
		Instant lastUsedAt, Instant revokedAt) {

	boolean isActiveAt(Instant instant) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(instant));
	}
}
