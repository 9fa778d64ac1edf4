package dev.baton.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change: who did what to which record, when, why, and in which request.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
		String entityId, String reason, Map<String, Object> details, String requestId) {
}
