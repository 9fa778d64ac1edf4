package dev.baton.engagement;

import dev.baton.platform.Rule;

/**
 * The engagement module's rules, by the stable identifiers that the API's {@code violations[].rule},
 * the pages and the advisories name.
 */
public enum EngagementRule implements Rule {

	/** Only a request on the board (New) is triaged: answered, assigned. */
	TRIAGE_STATUS("triage.status"),
	/** A member of the circle or its manager assigns; the requesting AE never does. */
	TRIAGE_ACTOR("triage.actor"),
	/** The assignee is a member of the circle or an enabled SA of another circle of the board. */
	TRIAGE_ASSIGNEE("triage.assignee", "assigneeId"),
	/** The circle discussed the request on its thread; self-assignment needs another voice. */
	TRIAGE_DISCUSSION("triage.discussion"),
	/** The 4 questions are answered and the command plan is complete. */
	TRIAGE_FOUR_QUESTIONS("triage.four-questions"),
	/** Without relatable experience, a main-assist from the circle is named. */
	TRIAGE_MAIN_ASSIST("triage.main-assist", "assistId"),
	/** Two different reviewers approved the command plan, or the circle waived the second review. */
	TRIAGE_SECOND_REVIEW("triage.second-review"),
	/** Choosing someone other than the top recommendation needs a reason. */
	TRIAGE_RECOMMENDATION("triage.recommendation", "rankReason"),

	/** Who may file: an AE, for an opportunity they own. */
	MAY_FILE("permission.file"),
	/** Who may comment: the requester, the circle, whoever works the request, managers and admins. */
	MAY_COMMENT("permission.comment"),
	/** Who may answer the 4 questions: the circle and whoever works the request, never the requester. */
	MAY_ANSWER_QUESTIONS("permission.answer-questions"),
	/** Who answers the circle's questions: the requesting AE. */
	MAY_ANSWER_AS_REQUESTOR("permission.answer-as-requestor"),
	/** Who may review the command plan: the circle, never the requester. */
	MAY_REVIEW("permission.review"),
	/** Who may waive the second review: the circle, never the requester. */
	MAY_WAIVE("permission.waive"),
	/** Who may hand an assigned request over: the assignee, their manager, the circle's manager, admins. */
	MAY_REASSIGN("permission.reassign"),
	/** Who accepts a coverage plan for an absence: the person, their manager or their circle's, admins. */
	MAY_COVER("permission.cover"),
	/** Who may approve a gated request: an approver role still to approve, not the requester, once each. */
	MAY_APPROVE("permission.approve"),
	/** Who may decline: the circle, never the requester. */
	MAY_DECLINE("permission.decline"),
	/** Who may move the request on the board or change its labels: the circle and whoever works it. */
	MAY_MOVE("permission.move"),

	/** Intake: the opportunity filed for. */
	FILING_OPPORTUNITY("filing.opportunity", "opportunityId"),
	/** Intake: the template. */
	FILING_TEMPLATE("filing.template", "template"),
	/** Intake: Fast Track is Baton's to set. */
	FILING_LABELS("filing.labels", "labels"),

	/** Segment advisory: the stage at which the segment engages. */
	SEGMENT_ENGAGEMENT_STAGE("segment.engagement-stage"),
	/** Segment advisory: the command plan and pitch deck the segment expects. */
	SEGMENT_PREREQUISITES("segment.prerequisites"),
	/** Segment advisory and gate: the approvals a segment needs. */
	SEGMENT_APPROVAL("segment.approval"),
	/** Segment advisory: when the technical evaluation must be done. */
	SEGMENT_TECH_EVAL_DATE("segment.tech-eval-date"),
	/** Advisory: why the clocks are due when they are. */
	CLOCK("clock");

	private final String id;
	private final String field;

	EngagementRule(String id) {
		this(id, null);
	}

	EngagementRule(String id, String field) {
		this.id = id;
		this.field = field;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public String field() {
		return field;
	}
}
