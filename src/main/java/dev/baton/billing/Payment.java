package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment towards one invoice: a card charge through the gateway, a bank transfer finance
 * recorded, or account credit applied. A settled payment never changes.
 *
 * @param amount what was received (or tried)
 * @param applied the part that went to the invoice; the rest of a succeeded payment became account credit
 * @param gatewayReference the gateway's id of the charge, for a card payment
 * @param reference the payer's reference (a wire's bank reference), if any
 * @param failure why it failed, for a failed payment
 */
public record Payment(PaymentId id, InvoiceId invoiceId, UUID accountId, String currency, BigDecimal amount,
		BigDecimal applied, PaymentMethodType method, String gateway, String gatewayReference, PaymentStatus status,
		String failure, String reference, LocalDate receivedOn, Instant createdAt, String createdBy) {
}
