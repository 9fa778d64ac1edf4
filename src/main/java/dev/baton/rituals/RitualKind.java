package dev.baton.rituals;

/**
 * The circle's recurring team rituals and how long each takes.
 */
public enum RitualKind {
	/** Every two weeks, two presenters picked at random practise a demo (25 minutes). */
	DEMO_JAM("Demo Jam", 25),
	/** Every two weeks, two opportunities are reviewed by peers (25 minutes). */
	PEER_REVIEW("Peer Review", 25),
	/** In the first week of each quarter, the wins and losses of the last one (50 minutes). */
	WIN_LOSS_RETRO("Win/Loss Retro", 50);

	private final String label;
	private final int minutes;

	RitualKind(String label, int minutes) {
		this.label = label;
		this.minutes = minutes;
	}

	public String label() {
		return label;
	}

	public int minutes() {
		return minutes;
	}
}
