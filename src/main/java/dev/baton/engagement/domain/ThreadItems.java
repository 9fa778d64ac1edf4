package dev.baton.engagement.domain;

import java.time.Instant;
import java.util.UUID;

import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.identity.Role;

/**
 * What the circle records on a request's thread: comments, the 4 questions, reviews, the review
 * waiver and approvals.
 */
public final class ThreadItems {

	private ThreadItems() {
	}

	/** A message on the thread. */
	public record Comment(UUID id, UUID authorId, Kind kind, String body, Instant createdAt) {

		public enum Kind {
			/** The circle's discussion. */
			DISCUSSION,
			/** Questions the circle sent to the AE. */
			QUESTIONS_TO_REQUESTOR,
			/** The AE's answer. */
			REQUESTOR_ANSWER,
			/** The note an SA leaves when a request is handed to another SA. */
			HAND_OVER
		}
	}

	/**
	 * The circle's answers to the 4 questions. (1) Is the command plan complete? (2) Does the SA
	 * understand the DevOps stack, competitors, attendees, use cases and why now? (3) Is there lead
	 * time (the meeting is not within 12-24 hours)? (4) Does the SA have relatable experience?
	 * A "no" to 4 is also a yes: a less experienced SA takes it with a main-assist.
	 */
	public record TriageAnswers(Boolean commandPlanComplete, Boolean understandsContext, Boolean leadTime,
			Boolean relatableExperience, String note, UUID answeredById, Instant answeredAt) {

		public boolean complete() {
			return commandPlanComplete != null && understandsContext != null && leadTime != null
					&& relatableExperience != null;
		}
	}

	/** One person's review of the command plan. */
	public record Review(UUID reviewerId, ReviewVerdict verdict, String note, Instant createdAt) {
	}

	/** The circle waived the second review, and why. */
	public record Waiver(UUID waivedById, String reason, Instant createdAt) {
	}

	/** An approval or rejection by an ASM or SA Manager, for the segments that need one. */
	public record Approval(UUID approverId, Role role, ApprovalDecision decision, String reason, Instant createdAt) {
	}
}
