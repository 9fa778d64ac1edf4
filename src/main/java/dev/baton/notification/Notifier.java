package dev.baton.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out a plan: writes its inbox entries and claims its deliveries in one short transaction,
 * then sends them outside it. Whatever was recorded before (a redelivered event) is skipped, so a
 * plan carried out twice tells nobody twice.
 */
@Component
class Notifier {

	private final InboxRepository inbox;
	private final DeliveryRepository deliveries;
	private final Deliverer deliverer;
	private final ChatWebhook chat;
	private final Mailer mailer;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final NotificationProperties properties;

	Notifier(InboxRepository inbox, DeliveryRepository deliveries, Deliverer deliverer, ChatWebhook chat,
			Mailer mailer, TransactionTemplate transactions, Clock clock, NotificationProperties properties) {
		this.inbox = inbox;
		this.deliveries = deliveries;
		this.deliverer = deliverer;
		this.chat = chat;
		this.mailer = mailer;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	void carryOut(Plan plan) {
		var now = clock.instant();
		var leaseUntil = now.plus(properties.claimLease());
		List<Delivery> claimed = transactions.execute(status -> {
			plan.inbox().forEach((person, message) -> inbox.insert(person, plan.eventKey(), plan.requestId(), message, now));
			var fresh = new ArrayList<Delivery>();
			for (var outgoing : plan.outgoing()) {
				if (outgoing.channel() == Channel.EMAIL && !mailer.available()) {
					continue;
				}
				var payload = outgoing.channel() == Channel.CHAT ? chat.payload(outgoing.message(), outgoing.loud())
						: mailer.payload(outgoing.message());
				var delivery = new Delivery(UUID.randomUUID(), plan.eventKey(), plan.requestId(), outgoing.channel(),
						outgoing.recipientId(), payload, 1);
				if (deliveries.insertClaimed(delivery, now, leaseUntil)) {
					fresh.add(delivery);
				}
			}
			return fresh;
		});
		// each claimed delivery is committed before it is sent: a crash here leaves it for the poller
		claimed.forEach(deliverer::attempt);
	}
}
