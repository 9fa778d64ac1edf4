package dev.baton.postsales;

/**
 * Post-sales work handed to a person.
 */
public enum TaskKind {
	/** Introduce the customer to a Customer Success Manager (Commercial CSM Transition Process). */
	CSM_TRANSITION,
	/** Run the one-time Live Optimization session with a net-new SMB customer 1-2 months after close. */
	LIVE_OPTIMIZATION
}
