package dev.baton.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * The card an invoice owner keeps on file, as the gateway stored it: its label (brand and last four
 * digits), never the number. Dunning retries charge it.
 */
public record StoredPaymentMethod(UUID id, UUID accountId, String gateway, String label, Instant createdAt,
		String createdBy) {
}
