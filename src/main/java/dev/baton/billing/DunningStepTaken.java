package dev.baton.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.baton.platform.Money;

/**
 * A step of an unpaid invoice's dunning was taken: a payment retry, a reminder, the suspension of
 * the subscriptions it bills, or their cancellation; or dunning ended with the subscriptions
 * resumed ({@code action} RESUME) because the invoice was settled after a suspension.
 */
public record DunningStepTaken(InvoiceId invoiceId, String invoiceNumber, UUID invoiceOwnerAccountId, int position,
		Action action, Money due, LocalDate dueOn, String outcome, List<UUID> subscriptionIds) {

	public DunningStepTaken {
		subscriptionIds = List.copyOf(subscriptionIds);
	}

	/** What a dunning step does. */
	public enum Action {
		RETRY, NOTICE, SUSPEND, CANCEL, RESUME
	}
}
