package dev.baton.billing;

import dev.baton.platform.Rule;

/**
 * The rules invoices and credit notes keep, by stable identifier.
 */
public enum BillingRule implements Rule {
	/** Only a draft is finalized; only a finalized invoice, not void, is credited. */
	@Rule.Id("invoice.state")
	STATE,
	/** A draft is finalized with at least one line. */
	@Rule.Id("invoice.has-lines")
	HAS_LINES,
	/** A credit note is more than zero and at most what the invoice has left after earlier credit notes. */
	@Rule.Id(value = "credit-note.amount", field = "amount")
	CREDIT_AMOUNT,
	/** A credit note says why. */
	@Rule.Id(value = "credit-note.reason", field = "reason")
	CREDIT_REASON;
}
