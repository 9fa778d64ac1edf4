package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A correction of a finalized invoice: an amount taken off what it says is owed, with the reason.
 */
public record CreditNote(UUID id, String number, InvoiceId invoiceId, BigDecimal amount, String currency,
		String reason, Instant createdAt, String createdBy) {
}
