package dev.baton.onsite;

import dev.baton.platform.Rule;

/**
 * The on-site rules a refusal names. The two prerequisites keep the identifiers the API has
 * always shown in {@code violations[]}.
 */
public enum OnsiteRule implements Rule {

	/** The customer requested or accepted the on-site with an agreed-upon agenda. */
	@Rule.Id("customer-agreed-agenda")
	CUSTOMER_AGREED_AGENDA,
	/** A predefined initiative with a budget exists. */
	@Rule.Id("budgeted-initiative")
	BUDGETED_INITIATIVE,
	/** An AE or an SA files on-site requests. */
	@Rule.Id("onsite.filer")
	FILER,
	/** Approvals and rejections only while the request awaits approval. */
	@Rule.Id("onsite.awaiting-approval")
	AWAITING_APPROVAL,
	/** An approver is a person of the organisation. */
	@Rule.Id("onsite.approver-person")
	APPROVER_IS_A_PERSON,
	/** The requester approves and rejects nothing. */
	@Rule.Id("onsite.not-the-requester")
	NOT_THE_REQUESTER,
	/** Each approval by someone with its role; a rejection by an SA manager or an ASM. */
	@Rule.Id("onsite.approver-role")
	APPROVER_ROLE,
	/** Each approval once. */
	@Rule.Id("onsite.approval-once")
	APPROVAL_ONCE,
	/** The two approvals by two different people. */
	@Rule.Id("onsite.two-approvers")
	TWO_APPROVERS,
	/** Only the requester changes the proposed dates and agenda. */
	@Rule.Id("onsite.requester-reschedules")
	REQUESTER_RESCHEDULES;
}
