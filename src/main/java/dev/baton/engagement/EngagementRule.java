package dev.baton.engagement;

import dev.baton.platform.Rule;

/**
 * The engagement module's rules, by the stable identifiers that the API's {@code violations[].rule},
 * the pages and the advisories name.
 */
public enum EngagementRule implements Rule {

	/** Only a request on the board (New) is triaged: answered, assigned. */
	@Rule.Id("triage.status")
	TRIAGE_STATUS,
	/** A member of the circle or its manager assigns; the requesting AE never does. */
	@Rule.Id("triage.actor")
	TRIAGE_ACTOR,
	/** The assignee is a member of the circle or an enabled SA of another circle of the board. */
	@Rule.Id(value = "triage.assignee", field = "assigneeId")
	TRIAGE_ASSIGNEE,
	/** The circle discussed the request on its thread; self-assignment needs another voice. */
	@Rule.Id("triage.discussion")
	TRIAGE_DISCUSSION,
	/** The 4 questions are answered and the command plan is complete. */
	@Rule.Id("triage.four-questions")
	TRIAGE_FOUR_QUESTIONS,
	/** Without relatable experience, a main-assist from the circle is named. */
	@Rule.Id(value = "triage.main-assist", field = "assistId")
	TRIAGE_MAIN_ASSIST,
	/** Two different reviewers approved the command plan, or the circle waived the second review. */
	@Rule.Id("triage.second-review")
	TRIAGE_SECOND_REVIEW,
	/** Choosing someone other than the top recommendation needs a reason. */
	@Rule.Id(value = "triage.recommendation", field = "rankReason")
	TRIAGE_RECOMMENDATION,

	/** Who may file: an AE, for an opportunity they own. */
	@Rule.Id("permission.file")
	MAY_FILE,
	/** Who may comment: the requester, the circle, whoever works the request, managers and admins. */
	@Rule.Id("permission.comment")
	MAY_COMMENT,
	/** Who may answer the 4 questions: the circle and whoever works the request, never the requester. */
	@Rule.Id("permission.answer-questions")
	MAY_ANSWER_QUESTIONS,
	/** Who answers the circle's questions: the requesting AE. */
	@Rule.Id("permission.answer-as-requestor")
	MAY_ANSWER_AS_REQUESTOR,
	/** Who may review the command plan: the circle, never the requester. */
	@Rule.Id("permission.review")
	MAY_REVIEW,
	/** Who may waive the second review: the circle, never the requester. */
	@Rule.Id("permission.waive")
	MAY_WAIVE,
	/** Who may hand an assigned request over: the assignee, their manager, the circle's manager, admins. */
	@Rule.Id("permission.reassign")
	MAY_REASSIGN,
	/** Who accepts a coverage plan for an absence: the person, their manager or their circle's, admins. */
	@Rule.Id("permission.cover")
	MAY_COVER,
	/** Who may approve a gated request: an approver role still to approve, not the requester, once each. */
	@Rule.Id("permission.approve")
	MAY_APPROVE,
	/** Who may decline: the circle, never the requester. */
	@Rule.Id("permission.decline")
	MAY_DECLINE,
	/** Who may move the request on the board or change its labels: the circle and whoever works it. */
	@Rule.Id("permission.move")
	MAY_MOVE,

	/** Intake: the opportunity filed for. */
	@Rule.Id(value = "filing.opportunity", field = "opportunityId")
	FILING_OPPORTUNITY,
	/** Intake: the template. */
	@Rule.Id(value = "filing.template", field = "template")
	FILING_TEMPLATE,
	/** Intake: Fast Track is Baton's to set. */
	@Rule.Id(value = "filing.labels", field = "labels")
	FILING_LABELS,

	/** Segment advisory: the stage at which the segment engages. */
	@Rule.Id("segment.engagement-stage")
	SEGMENT_ENGAGEMENT_STAGE,
	/** Segment advisory: the command plan and pitch deck the segment expects. */
	@Rule.Id("segment.prerequisites")
	SEGMENT_PREREQUISITES,
	/** Segment advisory and gate: the approvals a segment needs. */
	@Rule.Id("segment.approval")
	SEGMENT_APPROVAL,
	/** Segment advisory: when the technical evaluation must be done. */
	@Rule.Id("segment.tech-eval-date")
	SEGMENT_TECH_EVAL_DATE,
	/** Advisory: why the clocks are due when they are. */
	@Rule.Id("clock")
	CLOCK;
}
