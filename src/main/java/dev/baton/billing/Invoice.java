package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice to one invoice owner (the customer for direct sales, the reseller for channel sales)
 * in one currency, consolidating its subscriptions' lines.
 *
 * @param total the sum of the lines (for a draft: so far)
 * @param credited what credit notes took off
 * @param paid what succeeded payments applied to it
 * @param due what is still owed: total less credited and paid (for a draft, a void or a paid invoice: nothing)
 * @param dueOn the day payment is due: the issue day plus the payment terms (for a draft: none yet)
 * @param inputsHash SHA-256 of the engine inputs behind every line, fixed at finalization; for a draft: so far
 */
public record Invoice(InvoiceId id, String number, UUID invoiceOwnerAccountId, String currency, InvoiceStatus status,
		BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal due, LocalDate issuedOn, LocalDate dueOn, Instant finalizedAt,
		String finalizedBy, String inputsHash, Instant createdAt, int version, List<InvoiceLine> lines,
		List<CreditNote> creditNotes) {

	public Invoice {
		lines = List.copyOf(lines);
		creditNotes = List.copyOf(creditNotes);
	}
}
