package dev.baton.ordering;

/**
 * How an order reached the vendor.
 */
public enum Channel {
	/** The customer checked out on the web. */
	WEB,
	/** Deal desk or the AE, from a quote or a deal. */
	SALES,
	/** A reseller ordering for its end customer; the reseller is the invoice owner. */
	PARTNER,
	/** A distributor's marketplace ordering for a reseller; the distributor bills the reseller. */
	MARKETPLACE
}
