package dev.baton.billing;

/**
 * How a payment was made.
 */
public enum PaymentMethodType {
	/** A card charged through the payment gateway. */
	CARD,
	/** A bank transfer that finance recorded when it arrived. */
	WIRE,
	/** The account's credit (from an overpayment or a credit note). */
	ACCOUNT_CREDIT
}
