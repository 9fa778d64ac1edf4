package dev.baton.usage;

import java.time.Instant;
import java.util.UUID;

/**
 * A system that sends usage: its CloudEvents {@code source}, which every event it sends must carry,
 * and its token (Baton keeps only the token's hash and first characters).
 */
public record UsageSource(UUID id, String source, String description, String tokenPrefix, String createdBy,
		Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	/** A source with its token, shown this once. */
	public record Registered(UsageSource source, String token) {
	}
}
