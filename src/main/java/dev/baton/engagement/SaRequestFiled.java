package dev.baton.engagement;

import java.time.Instant;
import java.util.UUID;

/**
 * An AE filed a request; it is on the board of the circle that serves them.
 *
 * @param title what the request is about, for people: "Acme Logistics: SA Activity"
 * @param firstMeetingAt the earliest preferred meeting start, if any
 */
public record SaRequestFiled(UUID requestId, UUID opportunityId, UUID requesterId, UUID circleId, String boardKey,
		String title, RequestTemplate template, boolean fastTrack, boolean expedite, boolean awaitingApproval,
		Instant triageDueAt, Instant slaDueAt, Instant firstMeetingAt) {
}
