package dev.baton.ordering.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.ordering.Channel;
import dev.baton.ordering.OrderId;
import dev.baton.ordering.ScheduledChange;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes scheduled for a later day, in PostgreSQL: written with the order that scheduled them,
 * moved on once (placed, dropped or refused) from pending.
 */
@Repository
public class ScheduledChangeRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	ScheduledChangeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A pending change as the placing job needs it: the change and the channel to place it in. */
	public record Pending(ScheduledChange change, Channel channel, String orderNumber) {
	}

	public void insert(ScheduledChange change, int actionIndex, Channel channel, Instant at) {
		jdbc.sql("""
				INSERT INTO scheduled_change (id, subscription_id, order_id, action_index, kind, action, effective_on,
				  channel, status, created_at, updated_at)
				VALUES (:id, :subscription, :order, :index, :kind, CAST(:action AS jsonb), :effectiveOn, :channel,
				  'PENDING', :at, :at)""")
				.param("id", change.id()).param("subscription", change.subscriptionId().value())
				.param("order", change.orderId().value()).param("index", actionIndex).param("kind", change.action().action())
				.param("action", json.writerFor(SubscriptionChange.class).writeValueAsString(change.action()))
				.param("effectiveOn", change.effectiveOn()).param("channel", channel.name())
				.param("at", Timestamp.from(at)).update();
	}

	/** Drops the pending changes of a subscription of the given kinds (all kinds when null); answers how many. */
	public int drop(SubscriptionId subscription, List<String> kinds, String why, Instant at) {
		return jdbc.sql("""
				UPDATE scheduled_change SET status = 'DROPPED', outcome = :why, updated_at = :at
				WHERE subscription_id = :subscription AND status = 'PENDING'
				  AND (CAST(:kinds AS text[]) IS NULL OR kind = ANY (CAST(:kinds AS text[])))""")
				.param("subscription", subscription.value()).param("why", why).param("at", Timestamp.from(at))
				.param("kinds", kinds == null ? null : kinds.toArray(String[]::new)).update();
	}

	/** The ids of pending changes due by {@code today}, oldest first. */
	public List<UUID> due(LocalDate today, int limit) {
		return jdbc.sql("""
				SELECT id FROM scheduled_change WHERE status = 'PENDING' AND effective_on <= :today
				ORDER BY effective_on, created_at, id LIMIT :limit""")
				.param("today", today).param("limit", limit).query(UUID.class).list();
	}

	/** Locks a change for this transaction if it is still pending (waiting for another instance placing it). */
	public Optional<Pending> lockPending(UUID id) {
		return jdbc.sql("""
				SELECT c.*, o.number AS order_number FROM scheduled_change c JOIN purchase_order o ON o.id = c.order_id
				WHERE c.id = :id AND c.status = 'PENDING' FOR UPDATE OF c""")
				.param("id", id)
				.query((rs, n) -> new Pending(change(rs, n), Channel.valueOf(rs.getString("channel")),
						rs.getString("order_number")))
				.optional();
	}

	public void placed(UUID id, OrderId order, Instant at) {
		jdbc.sql("""
				UPDATE scheduled_change SET status = 'PLACED', placed_order_id = :order, outcome = NULL, updated_at = :at
				WHERE id = :id AND status = 'PENDING'""")
				.param("id", id).param("order", order.value()).param("at", Timestamp.from(at)).update();
	}

	public void refused(UUID id, String why, Instant at) {
		jdbc.sql("""
				UPDATE scheduled_change SET status = 'REFUSED', outcome = :why, updated_at = :at
				WHERE id = :id AND status = 'PENDING'""")
				.param("id", id).param("why", why).param("at", Timestamp.from(at)).update();
	}

	/** A subscription's scheduled changes, newest first. */
	public List<ScheduledChange> ofSubscription(SubscriptionId subscription) {
		return jdbc.sql("""
				SELECT * FROM scheduled_change WHERE subscription_id = :subscription ORDER BY created_at DESC, id""")
				.param("subscription", subscription.value()).query(this::change).list();
	}

	private ScheduledChange change(ResultSet rs, int row) throws SQLException {
		var placed = rs.getObject("placed_order_id", UUID.class);
		return new ScheduledChange(rs.getObject("id", UUID.class), SubscriptionId.of(rs.getObject("subscription_id", UUID.class)),
				OrderId.of(rs.getObject("order_id", UUID.class)),
				json.readValue(rs.getString("action"), SubscriptionChange.class), rs.getObject("effective_on", LocalDate.class),
				ScheduledChange.Status.valueOf(rs.getString("status")), rs.getString("outcome"),
				placed == null ? null : OrderId.of(placed));
	}
}
