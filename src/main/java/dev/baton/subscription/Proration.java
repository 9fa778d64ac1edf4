package dev.baton.subscription;

/**
 * How billing treats a change made within a billing period, as Stripe's proration behaviours do.
 */
public enum Proration {
	/** The unused days of the old rate are credited and the new rate charged for the rest of the period, on the next invoice. */
	NEXT_INVOICE,
	/** The same credit and charge, invoiced at once: the invoice owner's draft is finalized when billing hears of the change. */
	INVOICE_NOW,
	/** No credit and no charge for the rest of the period: the change is billed from the next period on. */
	NONE
}
