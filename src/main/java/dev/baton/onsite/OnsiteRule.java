package dev.baton.onsite;

import dev.baton.platform.Rule;

/**
 * The on-site rules a refusal names. The two prerequisites keep the identifiers the API has
 * always shown in {@code violations[]}.
 */
public enum OnsiteRule implements Rule {

	/** The customer requested or accepted the on-site with an agreed-upon agenda. */
	CUSTOMER_AGREED_AGENDA("customer-agreed-agenda"),
	/** A predefined initiative with a budget exists. */
	BUDGETED_INITIATIVE("budgeted-initiative"),
	/** An AE or an SA files on-site requests. */
	FILER("onsite.filer"),
	/** Approvals and rejections only while the request awaits approval. */
	AWAITING_APPROVAL("onsite.awaiting-approval"),
	/** An approver is a person of the organisation. */
	APPROVER_IS_A_PERSON("onsite.approver-person"),
	/** The requester approves and rejects nothing. */
	NOT_THE_REQUESTER("onsite.not-the-requester"),
	/** Each approval by someone with its role; a rejection by an SA manager or an ASM. */
	APPROVER_ROLE("onsite.approver-role"),
	/** Each approval once. */
	APPROVAL_ONCE("onsite.approval-once"),
	/** The two approvals by two different people. */
	TWO_APPROVERS("onsite.two-approvers"),
	/** Only the requester changes the proposed dates and agenda. */
	REQUESTER_RESCHEDULES("onsite.requester-reschedules");

	private final String id;

	OnsiteRule(String id) {
		this.id = id;
	}

	@Override
	public String id() {
		return id;
	}
}
