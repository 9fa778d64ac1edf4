package dev.baton.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The event types an endpoint can subscribe to: the event catalogue. Each has a JSON schema of its
 * {@code data}, kept beside the code ({@code webhooks/schemas/<type>.json}) and published with the
 * catalogue.
 */
public enum EventType {

	ORDER_PLACED("order.placed", "An order was placed: its channel, actions and the subscriptions they made or changed."),
	SUBSCRIPTION_CREATED("subscription.created", "A subscription was created by an order."),
	SUBSCRIPTION_CHANGED("subscription.changed",
			"An order action made a new version of a subscription: seats, plan, add-ons, owner, suspension, resumption."),
	SUBSCRIPTION_RENEWED("subscription.renewed", "A subscription was renewed for another term."),
	SUBSCRIPTION_CANCELLED("subscription.cancelled", "A subscription was cancelled, now or at the end of its term."),
	SUBSCRIPTION_RENEWAL_REFUSED("subscription.renewal-refused",
			"The renewal job could not renew a subscription before its term ends, with the reason."),
	PRICE_BOOK_PUBLISHED("price-book.published", "A price book version was published, with the day it takes effect."),
	LICENSE_ISSUED("license.issued", "A license file was issued for a version of a self-managed subscription."),
	SEAT_OVERAGE_NOTICED("seat-overage.noticed",
			"A seat reconciliation found more billable users than seats paid; the charge follows after the notice period."),
	UPSELL_SIGNAL_RAISED("upsell-signal.raised",
			"An up-sell signal on an account (seat use near or above what is paid), with its evidence and the owner AE."),
	INVOICE_FINALIZED("invoice.finalized",
			"A draft invoice was finalized: numbered, immutable and owed from its issue day until its due day."),
	INVOICE_PAID("invoice.paid", "Payments and credit notes left nothing owed on an invoice."),
	INVOICE_VOIDED("invoice.voided", "An open invoice nothing was paid on was voided: nothing is owed on it."),
	INVOICE_UNCOLLECTIBLE("invoice.uncollectible",
			"An open invoice was written off as uncollectible: kept for the books and still payable."),
	CREDIT_NOTE_ISSUED("credit-note.issued",
			"A credit note corrected a finalized invoice; the part beyond what was owed became account credit or a refund."),
	PAYMENT_SUCCEEDED("payment.succeeded", "A payment towards an invoice was received: card, bank transfer or account credit."),
	PAYMENT_FAILED("payment.failed", "A card payment towards an invoice was declined or not completed; dunning follows."),
	CRM_ACCOUNT_SUMMARY("crm.account-summary",
			"An account's subscription ARR, MRR and next renewal changed, in total and per opportunity, as Baton shows them to the AE."),
	USAGE_THRESHOLD_REACHED("usage.threshold-reached",
			"An account has 30, 5 or 0 percent left of what it may use of a meter this month (its allowance and packs).");

	private final String type;
	private final String description;

	EventType(String type, String description) {
		this.type = type;
		this.description = description;
	}

	/** The name on the wire ({@code subscription.created}). */
	public String type() {
		return type;
	}

	public String description() {
		return description;
	}

	/** The JSON schema of the event's {@code data}. */
	public String schema() {
		try (var in = EventType.class.getResourceAsStream("/webhooks/schemas/" + type + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No schema for event type " + type);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Optional<EventType> of(String type) {
		for (var candidate : values()) {
			if (candidate.type.equals(type)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}
}
