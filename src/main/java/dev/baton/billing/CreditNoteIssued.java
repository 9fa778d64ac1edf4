package dev.baton.billing;

import java.util.UUID;

import dev.baton.platform.Money;

/**
 * A credit note was issued on a finalized invoice; {@code toAccountCredit} is the part that was
 * more than was still owed and became account credit (or a refund).
 */
public record CreditNoteIssued(UUID creditNoteId, String number, InvoiceId invoiceId, String invoiceNumber,
		UUID invoiceOwnerAccountId, Money amount, Money toAccountCredit, String reason) {
}
