package dev.baton.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer or prospect, keyed by the CRM's id. {@code named} marks Named (Key) accounts.
 */
public record Account(UUID id, String externalId, String name, String industry, String regionKey, boolean named,
		int version, Instant createdAt, Instant updatedAt) {
}
