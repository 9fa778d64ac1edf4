package dev.baton.webhooks;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.catalog.PriceBookVersionPublished;
import dev.baton.licensing.LicenseIssued;
import dev.baton.licensing.SeatOverageNoticed;
import dev.baton.licensing.UpsellSignalRaised;
import dev.baton.ordering.OrderPlaced;
import dev.baton.ordering.RenewalRefused;
import dev.baton.subscription.SubscriptionCancelled;
import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;
import dev.baton.subscription.SubscriptionRenewed;
import dev.baton.usage.UsageThresholdReached;

/**
 * Hears the purchasing events after their transaction commits (the event publication registry is
 * the outbox) and enqueues each for the endpoints that want it. A redelivered event makes the same
 * message id, which the delivery table keeps once per endpoint.
 */
@Component
class WebhookEvents {

	private final Webhooks webhooks;

	WebhookEvents(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@ApplicationModuleListener
	void on(OrderPlaced event) {
		webhooks.publish(EventType.ORDER_PLACED, Payloads.messageId(EventType.ORDER_PLACED, event.order().id()),
				Payloads.order(event.order()));
	}

	@ApplicationModuleListener
	void on(SubscriptionCreated event) {
		var s = event.subscription();
		webhooks.publish(EventType.SUBSCRIPTION_CREATED,
				Payloads.messageId(EventType.SUBSCRIPTION_CREATED, s.id(), s.version()), Payloads.subscription(s, event.orderId()));
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		var s = event.after();
		webhooks.publish(EventType.SUBSCRIPTION_CHANGED,
				Payloads.messageId(EventType.SUBSCRIPTION_CHANGED, s.id(), s.version()),
				Payloads.changed(event.before(), s, event.action(), event.orderId()));
	}

	@ApplicationModuleListener
	void on(SubscriptionRenewed event) {
		var s = event.subscription();
		webhooks.publish(EventType.SUBSCRIPTION_RENEWED,
				Payloads.messageId(EventType.SUBSCRIPTION_RENEWED, s.id(), s.version()), Payloads.subscription(s, event.orderId()));
	}

	@ApplicationModuleListener
	void on(SubscriptionCancelled event) {
		var s = event.subscription();
		var data = Payloads.subscription(s, event.orderId());
		data.put("endsOn", String.valueOf(event.endsOn() != null ? event.endsOn() : s.termEnd()));
		webhooks.publish(EventType.SUBSCRIPTION_CANCELLED,
				Payloads.messageId(EventType.SUBSCRIPTION_CANCELLED, s.id(), s.version()), data);
	}

	@ApplicationModuleListener
	void on(RenewalRefused event) {
		var s = event.subscription();
		webhooks.publish(EventType.SUBSCRIPTION_RENEWAL_REFUSED,
				Payloads.messageId(EventType.SUBSCRIPTION_RENEWAL_REFUSED, s.id(), s.termEnd(), event.reason()),
				Payloads.renewalRefused(event));
	}

	@ApplicationModuleListener
	void on(PriceBookVersionPublished event) {
		webhooks.publish(EventType.PRICE_BOOK_PUBLISHED,
				Payloads.messageId(EventType.PRICE_BOOK_PUBLISHED, event.versionId()), Payloads.priceBook(event));
	}

	@ApplicationModuleListener
	void on(LicenseIssued event) {
		webhooks.publish(EventType.LICENSE_ISSUED, Payloads.messageId(EventType.LICENSE_ISSUED, event.licenseId()),
				Payloads.licenseIssued(event));
	}

	@ApplicationModuleListener
	void on(SeatOverageNoticed event) {
		webhooks.publish(EventType.SEAT_OVERAGE_NOTICED,
				Payloads.messageId(EventType.SEAT_OVERAGE_NOTICED, event.reconciliationId()), Payloads.seatOverage(event));
	}

	@ApplicationModuleListener
	void on(UpsellSignalRaised event) {
		webhooks.publish(EventType.UPSELL_SIGNAL_RAISED,
				Payloads.messageId(EventType.UPSELL_SIGNAL_RAISED, event.signalId()), Payloads.upsellSignal(event));
	}

	@ApplicationModuleListener
	void on(UsageThresholdReached event) {
		webhooks.publish(EventType.USAGE_THRESHOLD_REACHED, Payloads.messageId(EventType.USAGE_THRESHOLD_REACHED,
				event.subject(), event.meterCode(), event.period(), event.thresholdPercent()), Payloads.usageThreshold(event));
	}
}
