package dev.baton.onsite;

/**
 * Where an on-site request stands.
 */
public enum OnsiteStatus {
	/** Filed; waits for the SA manager's and the ASM's approvals (a date change sends it back here). */
	AWAITING_APPROVAL,
	/** Both approved for the proposed dates. */
	APPROVED,
	/** One approver rejected it, with a reason. */
	REJECTED
}
