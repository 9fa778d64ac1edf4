package dev.baton.ordering.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.ordering.Channel;
import dev.baton.ordering.Order;
import dev.baton.ordering.OrderId;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orders in PostgreSQL, written once.
 */
@Repository
public class OrderRepository {

	private static final TypeReference<List<SubscriptionChange>> ACTIONS = new TypeReference<>() {
	};
	private static final TypeReference<List<Order.Scheduled>> SCHEDULED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String nextNumber() {
		return "O-" + String.format("%06d",
				jdbc.sql("SELECT nextval('purchase_order_number_seq')").query(Long.class).single());
	}

	/**
	 * Writes the placed order, in the transaction that applied its actions. The unique client key
	 * makes a second order with the same key (a retry, or a race) fail here and roll back whole.
	 */
	public void insert(Order order, String clientKey) {
		jdbc.sql("""
				INSERT INTO purchase_order (id, number, channel, opportunity_id, placed_by, reason, placed_at, client_key,
				  actions, subscription_ids, scheduled)
				VALUES (:id, :number, :channel, :opportunity, :by, :reason, :at, :key, CAST(:actions AS jsonb), :subscriptions,
				  CAST(:scheduled AS jsonb))""")
				.param("scheduled", json.writerFor(SCHEDULED).writeValueAsString(order.scheduled()))
				.param("id", order.id().value()).param("number", order.number()).param("channel", order.channel().name())
				.param("opportunity", order.opportunityId()).param("by", order.placedBy()).param("reason", order.reason())
				.param("at", Timestamp.from(order.placedAt())).param("key", clientKey)
				.param("actions", json.writerFor(ACTIONS).writeValueAsString(order.actions()))
				.param("subscriptions", order.subscriptionIds().stream().map(SubscriptionId::value).toArray(UUID[]::new))
				.update();
	}

	public Optional<Order> find(OrderId id) {
		return jdbc.sql("SELECT * FROM purchase_order WHERE id = :id").param("id", id.value()).query(this::order).optional();
	}

	public Optional<Order> byClientKey(String placedBy, String clientKey) {
		return jdbc.sql("SELECT * FROM purchase_order WHERE placed_by = :by AND client_key = :key")
				.param("by", placedBy).param("key", clientKey).query(this::order).optional();
	}

	/** The orders that made or changed a subscription, oldest first. */
	public List<Order> ofSubscription(SubscriptionId id) {
		return jdbc.sql("SELECT * FROM purchase_order WHERE subscription_ids @> ARRAY[CAST(:id AS uuid)] ORDER BY placed_at, number")
				.param("id", id.value()).query(this::order).list();
	}

	private Order order(ResultSet rs, int row) throws SQLException {
		var ids = (UUID[]) rs.getArray("subscription_ids").getArray();
		return new Order(OrderId.of(rs.getObject("id", UUID.class)), rs.getString("number"),
				Channel.valueOf(rs.getString("channel")), rs.getObject("opportunity_id", UUID.class),
				rs.getString("placed_by"), rs.getString("reason"), rs.getTimestamp("placed_at").toInstant(),
				json.readValue(rs.getString("actions"), ACTIONS), Arrays.stream(ids).map(SubscriptionId::of).toList(),
				json.readValue(rs.getString("scheduled"), SCHEDULED));
	}
}
