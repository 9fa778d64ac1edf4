package dev.baton.quoting;

/**
 * Where a quote revision stands.
 */
public enum QuoteStatus {
	/** Being prepared: lines and terms can change. */
	DRAFT,
	/** Submitted with a discount that needs approval it does not have yet. */
	PENDING_APPROVAL,
	/** Ready for the customer: every approval its discounts need is given. */
	APPROVED,
	/** The customer accepted it. */
	ACCEPTED,
	/** Accepted and turned into an order. */
	ORDERED,
	/** A newer revision replaced it. */
	SUPERSEDED,
	/** Its expiry passed before the customer accepted it. */
	EXPIRED
}
