package dev.baton.rituals.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each circle's calendar feed secret, as its SHA-256 only; one per circle, a new one replaces it.
 */
@Repository
public class CalendarFeedRepository {

	private final JdbcClient jdbc;

	CalendarFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void replace(UUID circleId, String secretHash, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO calendar_feed (circle_id, secret_hash, created_by, created_at) VALUES (:circle, :hash, :by, :at)
				ON CONFLICT (circle_id) DO UPDATE SET secret_hash = :hash, created_by = :by, created_at = :at
				""").param("circle", circleId).param("hash", secretHash).param("by", by)
				.param("at", Timestamp.from(at)).update();
	}

	public Optional<UUID> circleOf(String secretHash) {
		return jdbc.sql("SELECT circle_id FROM calendar_feed WHERE secret_hash = :hash").param("hash", secretHash)
				.query(UUID.class).optional();
	}
}
