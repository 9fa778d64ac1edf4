package dev.baton.billing;

import java.util.List;
import java.util.UUID;

import dev.baton.platform.Money;

/**
 * A draft invoice was finalized: numbered, immutable and owed from its issue day until its due day.
 */
public record InvoiceFinalized(InvoiceId invoiceId, String number, UUID invoiceOwnerAccountId, Money total,
		java.time.LocalDate issuedOn, java.time.LocalDate dueOn, List<UUID> subscriptionIds) {

	public InvoiceFinalized {
		subscriptionIds = List.copyOf(subscriptionIds);
	}
}
