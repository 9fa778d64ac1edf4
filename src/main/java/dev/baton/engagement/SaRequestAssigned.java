package dev.baton.engagement;

import java.util.UUID;

/**
 * A circle member was assigned to a request after triage (or at once, on the fast track).
 */
public record SaRequestAssigned(UUID requestId, UUID requesterId, UUID circleId, String title, UUID assigneeId,
		boolean fastTrack) {
}
