package dev.baton.engagement;

import java.util.UUID;

/**
 * An assigned request was handed from one SA to another, with the hand-over note; its clocks
 * were left as they were.
 */
public record SaRequestReassigned(UUID requestId, UUID requesterId, UUID circleId, String title, UUID fromAssigneeId,
		UUID toAssigneeId, String handOverNote, UUID reassignedById) {
}
