package dev.baton.pipeline;

/**
 * The opportunity stages, in order.
 */
public enum Stage {

	PENDING_ACCEPTANCE("0-Pending Acceptance"),
	DISCOVERY("1-Discovery"),
	SCOPING("2-Scoping"),
	TECHNICAL_EVALUATION("3-Technical Evaluation"),
	PROPOSAL("4-Proposal"),
	NEGOTIATING("5-Negotiating"),
	AWAITING_SIGNATURE("6-Awaiting Signature"),
	CLOSING("7-Closing"),
	CLOSED_WON("Closed Won"),
	CLOSED_LOST("Closed Lost");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	/** The CRM's name of the stage, such as {@code 3-Technical Evaluation}. */
	public String label() {
		return label;
	}

	public boolean isClosed() {
		return this == CLOSED_WON || this == CLOSED_LOST;
	}

	/** Whether this stage is at or past another open stage. */
	public boolean isAtLeast(Stage other) {
		return !isClosed() && ordinal() >= other.ordinal();
	}
}
