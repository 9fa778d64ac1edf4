package dev.baton.engagement;

import java.time.Instant;
import java.util.UUID;

/**
 * Who held or assisted a request and when it was taken and closed: what a chart of active work
 * per SA needs, read without the request's details.
 */
public record RequestActivity(UUID id, UUID assigneeId, UUID assistId, Instant triagedAt, Instant engagedAt,
		Instant closedAt) {
}
