package dev.baton.engagement;

/**
 * Where a request stands on its board. The SA states carry the board's label names.
 */
public enum RequestStatus {

	/** Waiting for an ASM review or approvals before the circle may take it (segment gates). */
	AWAITING_APPROVAL("Awaiting approval"),
	/** Filed, on the board, not yet assigned: the circle is triaging. */
	NEW("New"),
	/** Waiting on the requestor: the circle asked the AE; the clocks are paused. */
	SA_WAITING("SA Waiting"),
	/** Assigned after triage. */
	SA_TRIAGED("SA Triaged"),
	/** The SA is working on it. */
	SA_DOING("SA Doing"),
	/** The activity happened; follow-ups are open. */
	SA_FOLLOWUP("SA Followup"),
	/** Finished. */
	DONE("Done"),
	/** Declined with a reason. */
	DECLINED("Declined");

	private final String label;

	RequestStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this != DONE && this != DECLINED;
	}
}
