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
	CREDIT_REASON,
	/** A refund goes back to a card the invoice was paid with, at most what was charged. */
	@Rule.Id(value = "credit-note.refund", field = "disposition")
	REFUND,
	/** Only a finalized invoice that is open or uncollectible takes payments. */
	@Rule.Id("payment.invoice-state")
	PAYMENT_STATE,
	/** A payment is more than zero, in whole cents; a card or credit pays at most what is owed. */
	@Rule.Id(value = "payment.amount", field = "amount")
	PAYMENT_AMOUNT,
	/** A payment is in the invoice's currency. */
	@Rule.Id(value = "payment.currency", field = "currency")
	PAYMENT_CURRENCY,
	/** A card payment names a card, or the invoice owner keeps one on file. */
	@Rule.Id(value = "payment.card", field = "card")
	PAYMENT_CARD,
	/** Account credit pays at most the balance in the invoice's currency. */
	@Rule.Id(value = "payment.credit", field = "amount")
	PAYMENT_CREDIT,
	/** Only a payment waiting for the card holder is confirmed. */
	@Rule.Id("payment.confirmation")
	CONFIRMATION,
	/** An invoice is voided only while open and unpaid; a paid part is credited and refunded first. */
	@Rule.Id("invoice.void-unpaid")
	VOID_UNPAID,
	/** Voiding an invoice or writing it off says why, in the Audit-Reason header. */
	@Rule.Id(value = "invoice.settlement-reason", field = "reason")
	SETTLEMENT_REASON,
	/** A bill-to country is an ISO 3166-1 alpha-2 code; a region is a code of 1 to 3 letters or digits. */
	@Rule.Id(value = "bill-to.country", field = "country")
	BILL_TO,
	/** A shadow billing run proposes a price book version with prices. */
	@Rule.Id(value = "shadow-billing.version", field = "priceBookVersionId")
	SHADOW_VERSION,
	/** A shadow billing run names the day whose billing periods it computes. */
	@Rule.Id(value = "shadow-billing.day", field = "on")
	SHADOW_DAY,
	/** A billing contact has a name and an e-mail address. */
	@Rule.Id(value = "billing-contact.email", field = "email")
	CONTACT_EMAIL;
}
