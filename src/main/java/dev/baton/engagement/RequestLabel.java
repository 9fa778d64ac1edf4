package dev.baton.engagement;

/**
 * Labels a request may carry besides its status, as on the board.
 */
public enum RequestLabel {

	SA_DEMO_READY("SA Demo Ready"),
	SECURITY_AUDIT("Security Audit"),
	SERVICES_REQUEST("Services Request"),
	SA_POV("SA POV"),
	/** Shortens the activity SLA (default 4 business hours). */
	EXPEDITE("Expedite"),
	/** The first meeting is less than 24 hours after filing: assign at once, measured separately. */
	FAST_TRACK("Fast Track");

	private final String label;

	RequestLabel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
