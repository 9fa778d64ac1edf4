package dev.baton.billing;

/**
 * Where an invoice stands.
 */
public enum InvoiceStatus {
	/** Collecting the billing run's lines; not sent, not numbered. */
	DRAFT,
	/** Finalized: numbered, immutable, owed. */
	OPEN,
	/** Settled. */
	PAID,
	/** Cancelled after finalization; nothing is owed. */
	VOID,
	/** Given up on; kept for the books. */
	UNCOLLECTIBLE
}
