package dev.baton.notification;

import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Forgets old notifications so the inbox and the delivery log do not grow for ever: inbox items
 * that were read longer ago than {@code baton.notifications.retention.read-inbox}, and deliveries
 * that ended (sent or given up) and were made longer ago than
 * {@code baton.notifications.retention.deliveries}.
 * Unread inbox items and deliveries still being tried are kept whatever their age. The audit trail
 * keeps the record of what happened to requests; these tables only hold the messages about it.
 */
@Component
class NotificationRetention {

	private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final NotificationProperties properties;

	NotificationRetention(JdbcClient jdbc, Clock clock, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** Deletes what is past its retention; returns how many rows went. */
	@Transactional
	int prune() {
		var now = clock.instant();
		var retention = properties.retention();
		var inbox = jdbc.sql("DELETE FROM notification WHERE read_at IS NOT NULL AND read_at < :before")
				.param("before", Timestamp.from(now.minus(retention.readInbox())))
				.update();
		var deliveries = jdbc.sql("""
				DELETE FROM notification_delivery
				WHERE status IN ('SENT', 'FAILED') AND created_at < :before
				""")
				.param("before", Timestamp.from(now.minus(retention.deliveries())))
				.update();
		if (inbox + deliveries > 0) {
			log.info("Pruned {} read inbox items and {} finished deliveries past their retention", inbox, deliveries);
		}
		return inbox + deliveries;
	}

	/** Runs once a day on one instance at a time; deleting twice is harmless anyway. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> notificationRetentionTask(NotificationRetention retention) {
			return Tasks.recurring("notification-retention", FixedDelay.of(Duration.ofHours(24)))
					.execute((instance, context) -> retention.prune());
		}
	}
}
