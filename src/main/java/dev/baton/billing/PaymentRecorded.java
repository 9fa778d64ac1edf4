package dev.baton.billing;

import java.util.UUID;

import dev.baton.platform.Money;

/**
 * A payment towards an invoice succeeded or failed (a card declined, for example); a payment that
 * waits for the card holder's confirmation is recorded when it settles.
 */
public record PaymentRecorded(PaymentId paymentId, InvoiceId invoiceId, String invoiceNumber, UUID accountId,
		PaymentStatus status, PaymentMethodType method, Money amount, String failure, Integer dunningStep) {
}
