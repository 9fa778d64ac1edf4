package dev.baton.billing;

/**
 * Where a payment stands. Only a succeeded payment counts towards an invoice.
 */
public enum PaymentStatus {
	/** The card needs the holder's confirmation (3-D Secure); nothing is received yet. */
	REQUIRES_CONFIRMATION,
	/** Received. */
	SUCCEEDED,
	/** Declined or not completed; kept with the reason. */
	FAILED
}
