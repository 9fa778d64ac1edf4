package dev.baton.webhooks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.baton.billing.CreditNoteIssued;
import dev.baton.billing.InvoiceFinalized;
import dev.baton.billing.InvoiceSettled;
import dev.baton.billing.PaymentRecorded;
import dev.baton.billing.PaymentStatus;
import dev.baton.catalog.PriceBookVersionPublished;
import dev.baton.licensing.LicenseIssued;
import dev.baton.licensing.SeatOverageNoticed;
import dev.baton.licensing.UpsellSignalRaised;
import dev.baton.ordering.OrderPlaced;
import dev.baton.ordering.RenewalRefused;
import dev.baton.pipeline.BookedFigures;
import dev.baton.pipeline.BookedFiguresChanged;
import dev.baton.subscription.SubscriptionCancelled;
import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;
import dev.baton.subscription.SubscriptionRenewed;
import dev.baton.usage.UsageThresholdReached;

/**
 * Enqueues the purchasing events for the endpoints that want them, in the transaction that made
 * them, just before it commits: the deliveries are the outbox, written with the change or not at
 * all. For one subject (a subscription, an invoice) the transactions that make its events follow
 * each other (each reads what the last one committed), so the order deliveries are written in is
 * the order the events happened, and the sender keeps it per endpoint. An event heard twice makes
 * the same message id, which the delivery table keeps once per endpoint.
 */
@Component
class WebhookEvents {

	private final Webhooks webhooks;
	private final References references;

	WebhookEvents(Webhooks webhooks, References references) {
		this.webhooks = webhooks;
		this.references = references;
	}

	static String subscriptionKey(Object subscriptionId) {
		return "subscription:" + subscriptionId;
	}

	static String invoiceKey(Object invoiceId) {
		return "invoice:" + invoiceId;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(OrderPlaced event) {
		webhooks.publish(EventType.ORDER_PLACED, Payloads.messageId(EventType.ORDER_PLACED, event.order().id()),
				"order:" + event.order().id(), Payloads.order(event.order()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SubscriptionCreated event) {
		var s = event.subscription();
		webhooks.publish(EventType.SUBSCRIPTION_CREATED,
				Payloads.messageId(EventType.SUBSCRIPTION_CREATED, s.id(), s.version()), subscriptionKey(s.id()),
				Payloads.subscription(s, event.orderId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SubscriptionChanged event) {
		var s = event.after();
		webhooks.publish(EventType.SUBSCRIPTION_CHANGED,
				Payloads.messageId(EventType.SUBSCRIPTION_CHANGED, s.id(), s.version()), subscriptionKey(s.id()),
				Payloads.changed(event.before(), s, event.action(), event.orderId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SubscriptionRenewed event) {
		var s = event.subscription();
		webhooks.publish(EventType.SUBSCRIPTION_RENEWED,
				Payloads.messageId(EventType.SUBSCRIPTION_RENEWED, s.id(), s.version()), subscriptionKey(s.id()),
				Payloads.subscription(s, event.orderId()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SubscriptionCancelled event) {
		var s = event.subscription();
		var data = Payloads.subscription(s, event.orderId());
		data.put("endsOn", String.valueOf(event.endsOn() != null ? event.endsOn() : s.termEnd()));
		webhooks.publish(EventType.SUBSCRIPTION_CANCELLED,
				Payloads.messageId(EventType.SUBSCRIPTION_CANCELLED, s.id(), s.version()), subscriptionKey(s.id()), data);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RenewalRefused event) {
		var s = event.subscription();
		webhooks.publish(EventType.SUBSCRIPTION_RENEWAL_REFUSED,
				Payloads.messageId(EventType.SUBSCRIPTION_RENEWAL_REFUSED, s.id(), s.termEnd(), event.reason()),
				subscriptionKey(s.id()), Payloads.renewalRefused(event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PriceBookVersionPublished event) {
		webhooks.publish(EventType.PRICE_BOOK_PUBLISHED,
				Payloads.messageId(EventType.PRICE_BOOK_PUBLISHED, event.versionId()), "price-book",
				Payloads.priceBook(event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(LicenseIssued event) {
		webhooks.publish(EventType.LICENSE_ISSUED, Payloads.messageId(EventType.LICENSE_ISSUED, event.licenseId()),
				subscriptionKey(event.subscriptionId()), Payloads.licenseIssued(event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SeatOverageNoticed event) {
		webhooks.publish(EventType.SEAT_OVERAGE_NOTICED,
				Payloads.messageId(EventType.SEAT_OVERAGE_NOTICED, event.reconciliationId()),
				subscriptionKey(event.subscriptionId()), Payloads.seatOverage(event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(UpsellSignalRaised event) {
		webhooks.publish(EventType.UPSELL_SIGNAL_RAISED,
				Payloads.messageId(EventType.UPSELL_SIGNAL_RAISED, event.signalId()),
				event.subscriptionId() == null ? "account:" + event.accountId() : subscriptionKey(event.subscriptionId()),
				Payloads.upsellSignal(event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InvoiceFinalized event) {
		webhooks.publish(EventType.INVOICE_FINALIZED, Payloads.messageId(EventType.INVOICE_FINALIZED, event.invoiceId()),
				invoiceKey(event.invoiceId()), Payloads.invoiceFinalized(event,
						references.account(event.invoiceOwnerAccountId()), references.opportunitiesOf(event.subscriptionIds())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(InvoiceSettled event) {
		var type = switch (event.status()) {
			case PAID -> EventType.INVOICE_PAID;
			case VOID -> EventType.INVOICE_VOIDED;
			case UNCOLLECTIBLE -> EventType.INVOICE_UNCOLLECTIBLE;
			default -> throw new IllegalStateException("An invoice is not settled as " + event.status());
		};
		webhooks.publish(type, Payloads.messageId(type, event.invoiceId()), invoiceKey(event.invoiceId()),
				Payloads.invoiceSettled(event, references.account(event.invoiceOwnerAccountId()),
						references.opportunitiesOf(event.subscriptionIds())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CreditNoteIssued event) {
		var subscriptions = references.subscriptionsOf(event.invoiceId());
		webhooks.publish(EventType.CREDIT_NOTE_ISSUED,
				Payloads.messageId(EventType.CREDIT_NOTE_ISSUED, event.creditNoteId()), invoiceKey(event.invoiceId()),
				Payloads.creditNote(event, references.account(event.invoiceOwnerAccountId()),
						references.opportunitiesOf(subscriptions), subscriptions));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(BookedFiguresChanged event) {
		var figures = event.figures();
		var opportunities = figures.lines().stream().map(BookedFigures.Line::opportunityId)
				.filter(java.util.Objects::nonNull).distinct().toList();
		webhooks.publish(EventType.CRM_ACCOUNT_SUMMARY,
				Payloads.messageId(EventType.CRM_ACCOUNT_SUMMARY, figures.accountId(), figures.revision()),
				"account:" + figures.accountId(), Payloads.bookedFigures(figures, references.account(figures.accountId()),
						references.opportunities(opportunities)));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PaymentRecorded event) {
		var type = event.status() == PaymentStatus.SUCCEEDED ? EventType.PAYMENT_SUCCEEDED : EventType.PAYMENT_FAILED;
		var subscriptions = references.subscriptionsOf(event.invoiceId());
		webhooks.publish(type, Payloads.messageId(type, event.paymentId()), invoiceKey(event.invoiceId()),
				Payloads.payment(event, references.account(event.accountId()), references.opportunitiesOf(subscriptions),
						subscriptions));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(UsageThresholdReached event) {
		webhooks.publish(EventType.USAGE_THRESHOLD_REACHED, Payloads.messageId(EventType.USAGE_THRESHOLD_REACHED,
				event.subject(), event.meterCode(), event.period(), event.thresholdPercent()),
				event.accountId() == null ? "subject:" + event.subject() : "account:" + event.accountId(),
				Payloads.usageThreshold(event));
	}
}
