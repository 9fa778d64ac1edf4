package dev.baton.engagement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.baton.engagement.domain.SaRequest;

/**
 * A request as other modules see it: who asked, where it stands, what it needs and when, and how
 * it was assigned (the recommendation rank chosen, why not the top one, the assignee's circle).
 */
public record SaRequestSummary(UUID id, String title, UUID opportunityId, UUID requesterId, UUID circleId,
		String boardKey, RequestTemplate template, RequestStatus status, Set<RequestLabel> labels, boolean fastTrack,
		RequestDetails details, UUID assigneeId, UUID assistId, Instant receivedAt, Instant triageDueAt,
		Instant slaDueAt, Instant triagedAt, Instant engagedAt, Instant closedAt, Instant createdAt,
		Integer recommendationRank, String rankReason, UUID assigneeCircleId, int version, String reference) {

	static SaRequestSummary of(SaRequest r) {
		return new SaRequestSummary(r.id().value(), r.title(), r.opportunityId(), r.requesterId(), r.circleId(), r.boardKey(),
				r.template(), r.status(), r.labels(), r.fastTrack(), r.details(), r.assigneeId(), r.assistId(),
				r.receivedAt(), r.triageDueAt(), r.slaDueAt(), r.triagedAt(), r.engagedAt(), r.closedAt(), r.createdAt(),
				r.recommendationRank(), r.rankReason(), r.assigneeCircleId(), r.version(), r.reference());
	}

	/** Whether the assignee comes from another circle of the board than the request's. */
	public boolean crossCircle() {
		return assigneeCircleId != null && !assigneeCircleId.equals(circleId);
	}
}
