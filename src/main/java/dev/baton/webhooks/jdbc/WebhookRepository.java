package dev.baton.webhooks.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.webhooks.WebhookDelivery;
import dev.baton.webhooks.WebhookDeliveryId;
import dev.baton.webhooks.WebhookEndpoint;
import dev.baton.webhooks.WebhookEndpointId;

/**
 * Endpoints, deliveries and the attempt log in PostgreSQL. A delivery is claimed with a lease
 * ({@code SENDING} until the lease ends) by one worker of one instance, skipping rows another holds,
 * and at most a few per endpoint at a time, so a slow endpoint holds only its own share of workers.
 * A delivery with an ordering key waits while an earlier delivery of the same key to the same
 * endpoint is still being tried, so one subject's events arrive in the order they happened.
 */
@Repository
public class WebhookRepository {

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claimed delivery with what sending it needs. */
	public record Claimed(UUID deliveryId, UUID endpointId, String url, String secret, String previousSecret,
			String messageId, String eventType, String payload, int attempts, Instant createdAt) {
	}

	public void insertEndpoint(WebhookEndpoint endpoint, String secret) {
		jdbc.sql("""
				INSERT INTO webhook_endpoint (id, url, description, event_types, secret, enabled, created_by, created_at)
				VALUES (:id, :url, :description, :types, :secret, TRUE, :by, :at)""")
				.param("id", endpoint.id().value()).param("url", endpoint.url()).param("description", endpoint.description())
				.param("types", endpoint.eventTypes().toArray(String[]::new)).param("secret", secret)
				.param("by", endpoint.createdBy()).param("at", Timestamp.from(endpoint.createdAt())).update();
	}

	public List<WebhookEndpoint> endpoints() {
		return jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY created_at, id").query(WebhookRepository::endpoint).list();
	}

	public Optional<WebhookEndpoint> endpoint(WebhookEndpointId id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = :id").param("id", id.value())
				.query(WebhookRepository::endpoint).optional();
	}

	/** A new secret; the previous one keeps signing until {@code previousUntil}. */
	public boolean rotate(WebhookEndpointId id, String secret, Instant previousUntil) {
		return jdbc.sql("""
				UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = :until, secret = :secret
				WHERE id = :id""").param("id", id.value()).param("secret", secret)
				.param("until", Timestamp.from(previousUntil)).update() == 1;
	}

	public boolean disable(WebhookEndpointId id) {
		return jdbc.sql("UPDATE webhook_endpoint SET enabled = FALSE WHERE id = :id").param("id", id.value()).update() == 1;
	}

	/**
	 * One delivery of the message per enabled endpoint subscribed to its type; a message heard again
	 * adds none. Deliveries written later get a higher {@code seq}.
	 */
	public int enqueue(String messageId, String eventType, String orderingKey, String payload, Instant now) {
		return jdbc.sql("""
				INSERT INTO webhook_delivery (id, endpoint_id, message_id, event_type, ordering_key, payload, status,
				  attempts, next_attempt_at, created_at)
				SELECT gen_random_uuid(), e.id, :message, :type, :key, :payload, 'PENDING', 0, :now, :now
				FROM webhook_endpoint e WHERE e.enabled AND :type = ANY (e.event_types)
				ON CONFLICT (endpoint_id, message_id) DO NOTHING""")
				.param("message", messageId).param("type", eventType).param("key", orderingKey)
				.param("payload", payload).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Claims the next due delivery of an enabled endpoint that has fewer than {@code perEndpoint}
	 * deliveries being sent: it is {@code SENDING} until {@code leaseUntil}, after which any
	 * instance may claim it again (its sender stopped). A delivery with an ordering key is passed
	 * over while an earlier one of its key to its endpoint is pending or being sent (a retry
	 * waiting holds the ones after it); one that failed for good holds nothing.
	 */
	public Optional<Claimed> claim(Instant now, Instant leaseUntil, int perEndpoint) {
		return jdbc.sql("""
				UPDATE webhook_delivery d
				SET status = 'SENDING', attempts = d.attempts + 1, next_attempt_at = :leaseUntil
				FROM webhook_endpoint e
				WHERE e.id = d.endpoint_id
				  AND d.id = (SELECT c.id FROM webhook_delivery c JOIN webhook_endpoint ce ON ce.id = c.endpoint_id
				              WHERE c.status IN ('PENDING', 'SENDING') AND c.next_attempt_at <= :now AND ce.enabled
				                AND (SELECT count(*) FROM webhook_delivery busy
				                     WHERE busy.endpoint_id = c.endpoint_id AND busy.status = 'SENDING'
				                       AND busy.next_attempt_at > :now) < :perEndpoint
				                AND (c.ordering_key IS NULL OR NOT EXISTS (
				                     SELECT 1 FROM webhook_delivery prior
				                     WHERE prior.endpoint_id = c.endpoint_id AND prior.ordering_key = c.ordering_key
				                       AND prior.seq < c.seq AND prior.status IN ('PENDING', 'SENDING')))
				              ORDER BY c.next_attempt_at, c.seq
				              LIMIT 1
				              FOR UPDATE OF c SKIP LOCKED)
				RETURNING d.id, d.endpoint_id, e.url, e.secret,
				  CASE WHEN e.previous_secret_until > :now THEN e.previous_secret END AS previous_secret,
				  d.message_id, d.event_type, d.payload, d.attempts, d.created_at""")
				.param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil))
				.param("perEndpoint", perEndpoint)
				.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
						rs.getString("url"), rs.getString("secret"), rs.getString("previous_secret"),
						rs.getString("message_id"), rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"),
						rs.getTimestamp("created_at").toInstant()))
				.optional();
	}

	/**
	 * How long the delivery that has been due longest has waited past its due time, in seconds (0
	 * when none is due): deliveries piling up behind a stuck sender or a slow endpoint.
	 */
	public double oldestDueWait(Instant now) {
		return jdbc.sql("""
				SELECT coalesce(extract(epoch FROM CAST(:now AS TIMESTAMPTZ) - min(next_attempt_at)), 0)
				FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now""")
				.param("now", Timestamp.from(now)).query(Double.class).single();
	}

	public void log(UUID deliveryId, Instant at, Integer statusCode, int durationMs, String error) {
		jdbc.sql("""
				INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, duration_ms, error)
				VALUES (:delivery, :at, :status, :duration, :error)""")
				.param("delivery", deliveryId).param("at", Timestamp.from(at)).param("status", statusCode)
				.param("duration", durationMs).param("error", error).update();
	}

	/** Settles the attempt this claim made: delivered, to be tried again at {@code next}, or given up (next null). */
	public boolean settle(Claimed claim, String status, Instant deliveredAt, Instant next, Integer statusCode,
			String error) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET status = :status, delivered_at = :delivered,
				  next_attempt_at = coalesce(:next, next_attempt_at), last_status = :code, last_error = :error
				WHERE id = :id AND status = 'SENDING' AND attempts = :attempts""")
				.param("status", status).param("delivered", deliveredAt == null ? null : Timestamp.from(deliveredAt))
				.param("next", next == null ? null : Timestamp.from(next)).param("code", statusCode).param("error", error)
				.param("id", claim.deliveryId()).param("attempts", claim.attempts()).update() == 1;
	}

	public List<WebhookDelivery> deliveries(WebhookEndpointId endpoint, String status, int limit) {
		return jdbc.sql("""
				SELECT * FROM webhook_delivery WHERE endpoint_id = :endpoint AND (CAST(:status AS TEXT) IS NULL OR status = :status)
				ORDER BY created_at DESC, id LIMIT :limit""")
				.param("endpoint", endpoint.value()).param("status", status).param("limit", limit)
				.query((rs, n) -> delivery(rs, List.of())).list();
	}

	public Optional<WebhookDelivery> delivery(WebhookDeliveryId id) {
		var log = jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = :id ORDER BY id").param("id", id.value())
				.query((rs, n) -> new WebhookDelivery.Attempt(rs.getTimestamp("attempted_at").toInstant(),
						(Integer) rs.getObject("status_code"), rs.getInt("duration_ms"), rs.getString("error")))
				.list();
		return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = :id").param("id", id.value())
				.query((rs, n) -> delivery(rs, log)).optional();
	}

	/** Sends a settled delivery again, from now, with a fresh retry schedule; false when it is not settled. */
	public boolean replay(WebhookDeliveryId id, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
				WHERE id = :id AND status IN ('SUCCEEDED', 'FAILED')""")
				.param("id", id.value()).param("now", Timestamp.from(now)).update() == 1;
	}

	public int replayFailed(WebhookEndpointId endpoint, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
				WHERE endpoint_id = :endpoint AND status = 'FAILED'""")
				.param("endpoint", endpoint.value()).param("now", Timestamp.from(now)).update();
	}

	private static WebhookEndpoint endpoint(ResultSet rs, int n) throws SQLException {
		return new WebhookEndpoint(WebhookEndpointId.of(rs.getObject("id", UUID.class)), rs.getString("url"),
				rs.getString("description"), Arrays.asList((String[]) rs.getArray("event_types").getArray()),
				rs.getBoolean("enabled"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	private static WebhookDelivery delivery(ResultSet rs, List<WebhookDelivery.Attempt> log) throws SQLException {
		var delivered = rs.getTimestamp("delivered_at");
		return new WebhookDelivery(WebhookDeliveryId.of(rs.getObject("id", UUID.class)),
				WebhookEndpointId.of(rs.getObject("endpoint_id", UUID.class)), rs.getString("message_id"),
				rs.getString("event_type"), rs.getString("ordering_key"), rs.getLong("seq"), rs.getString("status"),
				rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), (Integer) rs.getObject("last_status"),
				rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
				delivered == null ? null : delivered.toInstant(), rs.getString("payload"), log);
	}
}
