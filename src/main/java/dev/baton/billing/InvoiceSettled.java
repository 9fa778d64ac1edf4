package dev.baton.billing;

import java.util.List;
import java.util.UUID;

import dev.baton.platform.Money;

/**
 * An open invoice left the open state: paid in full (by payments and credit notes), voided, or
 * written off as uncollectible. {@code subscriptionIds} are the subscriptions it billed.
 */
public record InvoiceSettled(InvoiceId invoiceId, String number, UUID invoiceOwnerAccountId, InvoiceStatus status,
		Money total, String reason, List<UUID> subscriptionIds) {

	public InvoiceSettled {
		subscriptionIds = List.copyOf(subscriptionIds);
	}
}
