package dev.baton.catalog;

/**
 * What kind of thing a product is, which decides how it is sold.
 */
public enum ProductKind {
	/** A tier of the platform (Premium, Ultimate), sold per seat for a term. */
	SUBSCRIPTION,
	/** Seats or features added to a subscription. */
	ADD_ON,
	/** A pack of usage (compute minutes, storage), consumed over time. */
	CONSUMABLE,
	/** Professional services, sold once. */
	SERVICE
}
