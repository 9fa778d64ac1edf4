package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;

/** Old read inbox items and finished deliveries go; unread items and pending deliveries stay. */
@BatonIntegrationTest
class NotificationRetentionTests {

	private static final Instant NOW = Instant.parse("2031-06-01T12:00:00Z");

	@Autowired
	NotificationRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.set(Instant.now());
	}

	@Test
	void forgetsReadInboxItemsPastTheirRetentionButKeepsUnreadAndRecentOnes() {
		clock.set(NOW);
		var person = jdbc.sql("SELECT id FROM person ORDER BY name LIMIT 1").query(UUID.class).single();
		var oldRead = inboxItem(person, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(181)));
		var oldUnread = inboxItem(person, NOW.minus(Duration.ofDays(400)), null);
		var recentlyRead = inboxItem(person, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(179)));

		retention.prune();

		assertThat(exists("notification", oldRead)).isFalse();
		assertThat(exists("notification", oldUnread)).isTrue();
		assertThat(exists("notification", recentlyRead)).isTrue();
	}

	@Test
	void forgetsFinishedDeliveriesPastTheirRetentionButKeepsThoseStillBeingTried() {
		clock.set(NOW);
		var oldSent = delivery("SENT", NOW.minus(Duration.ofDays(91)));
		var oldFailed = delivery("FAILED", NOW.minus(Duration.ofDays(91)));
		var oldPending = delivery("PENDING", NOW.minus(Duration.ofDays(91)));
		var recentSent = delivery("SENT", NOW.minus(Duration.ofDays(89)));

		retention.prune();

		assertThat(exists("notification_delivery", oldSent)).isFalse();
		assertThat(exists("notification_delivery", oldFailed)).isFalse();
		assertThat(exists("notification_delivery", oldPending)).isTrue();
		assertThat(exists("notification_delivery", recentSent)).isTrue();
	}

	private UUID inboxItem(UUID recipient, Instant createdAt, Instant readAt) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO notification (id, recipient_id, event_key, title, body, created_at, read_at)
				VALUES (:id, :recipient, :key, 'Old news', 'Something happened', :createdAt, :readAt)
				""")
				.param("id", id).param("recipient", recipient).param("key", "retention:" + id)
				.param("createdAt", Timestamp.from(createdAt))
				.param("readAt", readAt == null ? null : Timestamp.from(readAt), java.sql.Types.TIMESTAMP)
				.update();
		return id;
	}

	private UUID delivery(String status, Instant createdAt) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO notification_delivery (id, event_key, channel, recipient_id, payload, status, attempts,
				    next_attempt_at, created_at, sent_at)
				VALUES (:id, :key, 'EMAIL', :recipient, '{}'::jsonb, :status, 1, :createdAt, :createdAt,
				    CASE WHEN :status = 'SENT' THEN CAST(:createdAt AS timestamptz) END)
				""")
				.param("id", id).param("key", "retention:" + id).param("recipient", UUID.randomUUID())
				.param("status", status).param("createdAt", Timestamp.from(createdAt))
				.update();
		return id;
	}

	private boolean exists(String table, UUID id) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single() == 1;
	}
}
