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
 * @param total the sum of the lines and their tax (for a draft: so far): what is owed before credit notes and payments
 * @param credited what credit notes took off
 * @param paid what succeeded payments applied to it
 * @param due what is still owed: total less credited and paid (for a draft, a void or a paid invoice: nothing)
 * @param dueOn the day payment is due: the issue day plus the payment terms (for a draft: none yet)
 * @param inputsHash SHA-256 of the engine inputs behind every line, fixed at finalization; for a draft: so far
 * @param subtotal the lines' amounts before tax
 * @param tax the lines' tax
 * @param settledAt when it left the open state (paid, voided or written off); null while it is open or a draft
 */
public record Invoice(InvoiceId id, String number, UUID invoiceOwnerAccountId, String currency, InvoiceStatus status,
		BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal due, LocalDate issuedOn, LocalDate dueOn, Instant finalizedAt,
		String finalizedBy, String inputsHash, Instant createdAt, int version, List<InvoiceLine> lines,
		List<CreditNote> creditNotes, BigDecimal subtotal, BigDecimal tax, Instant settledAt) {

	public Invoice {
		lines = List.copyOf(lines);
		creditNotes = List.copyOf(creditNotes);
	}

	/** The tax by rate, for the invoice's summary: label to amount, in the order the rates first appear. */
	public java.util.Map<String, BigDecimal> taxByRate() {
		var byRate = new java.util.LinkedHashMap<String, BigDecimal>();
		for (var line : lines) {
			if (line.taxLabel() != null) {
				byRate.merge(line.taxLabel(), line.taxAmount(), BigDecimal::add);
			}
		}
		byRate.replaceAll((label, amount) -> amount.setScale(2, java.math.RoundingMode.HALF_EVEN));
		return byRate;
	}
}
