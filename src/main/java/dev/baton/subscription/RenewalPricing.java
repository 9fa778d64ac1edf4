package dev.baton.subscription;

/**
 * Which prices a renewal takes.
 */
public enum RenewalPricing {
	/** The price book version in effect on the renewal day. */
	PRICE_BOOK_AT_RENEWAL,
	/** The price book version the subscription was sold on, as agreed in the contract. */
	LOCKED
}
