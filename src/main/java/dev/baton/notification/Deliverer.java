package dev.baton.notification;

import java.time.Clock;
import java.util.LinkedHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;

/**
 * Makes one attempt at a claimed delivery and records how it went: sent, to be retried after the
 * backoff, or given up. Runs outside any transaction, so a slow webhook or mail server holds no
 * database connection.
 */
@Component
class Deliverer {

	private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

	private final DeliveryRepository deliveries;
	private final ChatWebhook chat;
	private final Mailer mailer;
	private final Organisation organisation;
	private final AuditLog audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final RetryPolicy retry;

	Deliverer(DeliveryRepository deliveries, ChatWebhook chat, Mailer mailer, Organisation organisation,
			AuditLog audit, TransactionTemplate transactions, Clock clock, NotificationProperties properties) {
		this.deliveries = deliveries;
		this.chat = chat;
		this.mailer = mailer;
		this.organisation = organisation;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.retry = RetryPolicy.of(properties.retry());
	}

	void attempt(Delivery delivery) {
		try {
			switch (delivery.channel()) {
				case CHAT -> chat.post(webhookOf(delivery), delivery.payload());
				case EMAIL -> mailer.send(addressOf(delivery), delivery.payload());
				default -> throw new IllegalStateException("Unknown channel " + delivery.channel());
			}
		} catch (DeliveryFailure failure) {
			failed(delivery, failure);
			return;
		} catch (RuntimeException e) {
			log.warn("Unexpected error sending {} delivery {}", delivery.channel(), delivery.id(), e);
			failed(delivery, DeliveryFailure.transientFailure("Unexpected error: " + e.getClass().getSimpleName()));
			return;
		}
		if (deliveries.markSent(delivery, clock.instant())) {
			log.debug("Sent {} delivery {} for {}", delivery.channel(), delivery.id(), delivery.eventKey());
		} else {
			log.info("Sent {} delivery {}, but its claim had lapsed and another instance took it over",
					delivery.channel(), delivery.id());
		}
	}

	// resolved at each attempt, so a rotated webhook URL or a changed address counts for pending retries
	private String webhookOf(Delivery delivery) throws DeliveryFailure {
		try {
			var url = organisation.circle(CircleId.of(delivery.recipientId())).chatWebhookUrl();
			if (url == null || url.isBlank()) {
				throw DeliveryFailure.permanentFailure("The circle no longer has a chat webhook URL");
			}
			return url;
		} catch (BatonException e) {
			throw DeliveryFailure.permanentFailure(e.getMessage());
		}
	}

	private String addressOf(Delivery delivery) throws DeliveryFailure {
		try {
			var email = organisation.person(PersonId.of(delivery.recipientId())).email();
			if (email == null || email.isBlank()) {
				throw DeliveryFailure.permanentFailure("The person has no e-mail address");
			}
			return email;
		} catch (BatonException e) {
			throw DeliveryFailure.permanentFailure(e.getMessage());
		}
	}

	private void failed(Delivery delivery, DeliveryFailure failure) {
		if (failure.permanent() || retry.givesUpAfter(delivery.attempts())) {
			boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
				if (!deliveries.markFailed(delivery, failure.getMessage())) {
					return false;
				}
				var details = new LinkedHashMap<String, Object>();
				details.put("channel", delivery.channel().name());
				details.put("recipientId", delivery.recipientId());
				details.put("requestId", delivery.requestId());
				details.put("event", delivery.eventKey());
				details.put("attempts", delivery.attempts());
				details.put("error", failure.getMessage());
				audit.recordBySystem("notification.delivery-failed", "notification-delivery", delivery.id(),
						failure.permanent() ? "refused" : "gave up after " + delivery.attempts() + " attempts", details);
				return true;
			}));
			if (recorded) {
				log.warn("Gave up {} delivery {} for {} to {} after {} attempt(s): {}", delivery.channel(),
						delivery.id(), delivery.eventKey(), delivery.recipientId(), delivery.attempts(),
						failure.getMessage());
			}
			return;
		}
		var next = clock.instant().plus(retry.delayAfter(delivery.attempts()));
		if (deliveries.markForRetry(delivery, next, failure.getMessage())) {
			log.info("{} delivery {} for {} failed (attempt {} of {}), next attempt at {}: {}", delivery.channel(),
					delivery.id(), delivery.eventKey(), delivery.attempts(), retry.maxAttempts(), next,
					failure.getMessage());
		}
	}
}
