package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A correction of a finalized invoice: an amount taken off what it says is owed, with the reason.
 * The part that is more than is still owed (the invoice was paid) becomes account credit or is
 * refunded to the card it was paid with, as its disposition says.
 */
public record CreditNote(UUID id, String number, InvoiceId invoiceId, BigDecimal amount, String currency,
		String reason, Disposition disposition, Instant createdAt, String createdBy) {

	/** Where the part of a credit note beyond what is owed goes. */
	public enum Disposition {
		ACCOUNT_CREDIT, REFUND
	}
}
