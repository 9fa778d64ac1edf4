package dev.baton.notification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the deliveries that are due again: retries after their backoff, and those whose instance
 * stopped while sending. Safe on every instance at once: each claim skips rows another holds.
 */
@Component
class DeliveryPoller {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

	private final DeliveryRepository deliveries;
	private final Deliverer deliverer;
	private final Clock clock;
	private final NotificationProperties properties;

	DeliveryPoller(DeliveryRepository deliveries, Deliverer deliverer, Clock clock, NotificationProperties properties) {
		this.deliveries = deliveries;
		this.deliverer = deliverer;
		this.clock = clock;
		this.properties = properties;
	}

	// the placeholder repeats NotificationProperties' default, which @Scheduled cannot read
	@Scheduled(fixedDelayString = "${baton.notifications.retry.poll-interval:30s}",
			initialDelayString = "${baton.notifications.retry.poll-interval:30s}")
	void sendDue() {
		try {
			// one row per claim: a claim's lease then only has to outlast one send
			for (int sent = 0; sent < properties.retry().batchSize(); sent++) {
				var now = clock.instant();
				var due = deliveries.claimNextDue(now, now.plus(properties.claimLease()));
				if (due.isEmpty()) {
					return;
				}
				deliverer.attempt(due.get());
			}
		} catch (DataAccessException e) {
			log.warn("Could not look for due notification deliveries; trying again at the next poll: {}", e.getMessage());
		}
	}
}
