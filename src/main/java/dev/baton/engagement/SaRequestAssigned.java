package dev.baton.engagement;

import java.util.UUID;

/**
 * An SA was assigned to a request after triage (or at once, on the fast track): which
 * recommendation rank the circle chose (null when it did not look), why not the top one, and
 * whether the SA comes from another circle of the board (a cross-circle hand-off).
 */
public record SaRequestAssigned(UUID requestId, UUID requesterId, UUID circleId, String title, UUID assigneeId,
		boolean fastTrack, Integer recommendationRank, String rankReason, boolean crossCircle) {
}
