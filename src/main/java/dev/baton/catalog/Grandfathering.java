package dev.baton.catalog;

/**
 * What a newly published price book version means for subscriptions that already exist.
 */
public enum Grandfathering {
	/** Existing subscriptions keep the price of the version they were sold on until they renew. */
	KEEP_UNTIL_RENEWAL,
	/** Existing subscriptions move to the new prices from their next billing. */
	APPLY_TO_EXISTING
}
