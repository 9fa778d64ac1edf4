package dev.baton.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The in-app inbox in PostgreSQL: one row per person and event occurrence.
 */
@Repository
class InboxRepository {

	private final JdbcClient jdbc;

	InboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds an entry unless the person has one for this event occurrence already. */
	boolean insert(UUID recipientId, String eventKey, UUID requestId, Message message, Instant now) {
		return jdbc.sql("""
				INSERT INTO notification (id, recipient_id, event_key, request_id, title, body, link, created_at)
				VALUES (:id, :recipientId, :eventKey, :requestId, :title, :body, :link, :now)
				ON CONFLICT (event_key, recipient_id) DO NOTHING
				""")
				.param("id", UUID.randomUUID()).param("recipientId", recipientId).param("eventKey", eventKey)
				.param("requestId", requestId).param("title", message.title()).param("body", message.body())
				.param("link", message.link()).param("now", Timestamp.from(now)).update() == 1;
	}

	List<Notification> page(UUID recipientId, boolean unreadOnly, long offset, int limit) {
		return jdbc.sql("""
				SELECT id, title, body, link, request_id, created_at, read_at FROM notification
				WHERE recipient_id = :recipientId AND (NOT :unreadOnly OR read_at IS NULL)
				ORDER BY created_at DESC, id
				LIMIT :limit OFFSET :offset
				""")
				.param("recipientId", recipientId).param("unreadOnly", unreadOnly).param("limit", limit)
				.param("offset", offset).query(InboxRepository::map).list();
	}

	Optional<Notification> find(UUID recipientId, UUID id) {
		return jdbc.sql("""
				SELECT id, title, body, link, request_id, created_at, read_at FROM notification
				WHERE id = :id AND recipient_id = :recipientId
				""").param("id", id).param("recipientId", recipientId).query(InboxRepository::map).optional();
	}

	long count(UUID recipientId, boolean unreadOnly) {
		return jdbc.sql("""
				SELECT count(*) FROM notification
				WHERE recipient_id = :recipientId AND (NOT :unreadOnly OR read_at IS NULL)
				""")
				.param("recipientId", recipientId).param("unreadOnly", unreadOnly).query(Long.class).single();
	}

	/** Marks one of the person's entries read, keeping the first read time; false if they have no such entry. */
	boolean markRead(UUID recipientId, UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE notification SET read_at = COALESCE(read_at, :now)
				WHERE id = :id AND recipient_id = :recipientId
				""")
				.param("now", Timestamp.from(now)).param("id", id).param("recipientId", recipientId).update() == 1;
	}

	int markAllRead(UUID recipientId, Instant now) {
		return jdbc.sql("UPDATE notification SET read_at = :now WHERE recipient_id = :recipientId AND read_at IS NULL")
				.param("now", Timestamp.from(now)).param("recipientId", recipientId).update();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		var readAt = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getObject("request_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				readAt == null ? null : readAt.toInstant());
	}
}
