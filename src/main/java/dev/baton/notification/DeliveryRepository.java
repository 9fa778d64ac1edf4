package dev.baton.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Outbound deliveries in PostgreSQL. Claims are single statements with {@code FOR UPDATE SKIP
 * LOCKED}, so several instances share the work without taking the same row, and no transaction
 * stays open while a message is sent. Outcomes are recorded only by the claim that holds the row
 * (same attempt count, still {@code SENDING}).
 */
@Repository
class DeliveryRepository {

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a delivery already claimed for its first attempt, unless this event occurrence was
	 * recorded for this channel and recipient before.
	 *
	 * @return whether it is new, and so the caller's to send
	 */
	boolean insertClaimed(Delivery delivery, Instant now, Instant leaseUntil) {
		return jdbc.sql("""
				INSERT INTO notification_delivery (id, event_key, request_id, channel, recipient_id, payload, status,
				                                   attempts, next_attempt_at, created_at)
				VALUES (:id, :eventKey, :requestId, :channel, :recipientId, CAST(:payload AS jsonb), 'SENDING',
				        :attempts, :leaseUntil, :now)
				ON CONFLICT (event_key, channel, recipient_id) DO NOTHING
				""")
				.param("id", delivery.id()).param("eventKey", delivery.eventKey())
				.param("requestId", delivery.requestId()).param("channel", delivery.channel().name())
				.param("recipientId", delivery.recipientId()).param("payload", delivery.payload())
				.param("attempts", delivery.attempts()).param("leaseUntil", Timestamp.from(leaseUntil))
				.param("now", Timestamp.from(now)).update() == 1;
	}

	/**
	 * Claims the delivery that has waited longest among those due: pending ones whose retry time has
	 * come, and claimed ones whose claimant did not finish within its lease (it crashed).
	 */
	Optional<Delivery> claimNextDue(Instant now, Instant leaseUntil) {
		return jdbc.sql("""
				UPDATE notification_delivery d
				SET status = 'SENDING', attempts = d.attempts + 1, next_attempt_at = :leaseUntil
				WHERE d.id = (SELECT id FROM notification_delivery
				              WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
				              ORDER BY next_attempt_at
				              LIMIT 1
				              FOR UPDATE SKIP LOCKED)
				RETURNING d.id, d.event_key, d.request_id, d.channel, d.recipient_id, d.payload::text AS payload,
				          d.attempts
				""")
				.param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil))
				.query(DeliveryRepository::map).optional();
	}

	boolean markSent(Delivery delivery, Instant now) {
		return jdbc.sql("""
				UPDATE notification_delivery SET status = 'SENT', sent_at = :now, last_error = NULL
				WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
				""")
				.param("now", Timestamp.from(now)).param("id", delivery.id()).param("attempts", delivery.attempts())
				.update() == 1;
	}

	boolean markForRetry(Delivery delivery, Instant nextAttemptAt, String error) {
		return jdbc.sql("""
				UPDATE notification_delivery SET status = 'PENDING', next_attempt_at = :next, last_error = :error
				WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
				""")
				.param("next", Timestamp.from(nextAttemptAt)).param("error", error).param("id", delivery.id())
				.param("attempts", delivery.attempts()).update() == 1;
	}

	boolean markFailed(Delivery delivery, String error) {
		return jdbc.sql("""
				UPDATE notification_delivery SET status = 'FAILED', last_error = :error
				WHERE id = :id AND status = 'SENDING' AND attempts = :attempts
				""")
				.param("error", error).param("id", delivery.id()).param("attempts", delivery.attempts())
				.update() == 1;
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("event_key"),
				rs.getObject("request_id", UUID.class), Channel.valueOf(rs.getString("channel")),
				rs.getObject("recipient_id", UUID.class), rs.getString("payload"), rs.getInt("attempts"));
	}
}
