package dev.baton.platform.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys and their answers. The primary key (principal, key) decides between
 * concurrent requests with the same key: the second insert waits for the first transaction and
 * then fails, never a check-then-insert race.
 */
@Repository
class IdempotencyStore {

	private final JdbcClient jdbc;
	private final Clock clock;

	IdempotencyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<StoredResponse> find(String principal, String key, Instant notBefore) {
		return jdbc.sql("""
				SELECT method, path, request_hash, status, content_type, location, etag, body
				FROM idempotency_key WHERE principal = :principal AND key = :key AND created_at >= :notBefore
				""")
				.param("principal", principal).param("key", key)
				.param("notBefore", java.sql.Timestamp.from(notBefore))
				.query((rs, n) -> new StoredResponse(rs.getString("method"), rs.getString("path"),
						rs.getString("request_hash"), rs.getInt("status"), rs.getString("content_type"),
						rs.getString("location"), rs.getString("etag"), rs.getBytes("body")))
				.optional();
	}

	/** Claims the key inside the current transaction; the claim lasts as long as the transaction. */
	void claim(String principal, String key, String method, String path, String requestHash, Instant expiredBefore) {
		jdbc.sql("DELETE FROM idempotency_key WHERE principal = :principal AND key = :key AND created_at < :expired")
				.param("principal", principal).param("key", key)
				.param("expired", java.sql.Timestamp.from(expiredBefore)).update();
		jdbc.sql("""
				INSERT INTO idempotency_key (principal, key, method, path, request_hash, status, body, created_at)
				VALUES (:principal, :key, :method, :path, :hash, 0, ''::bytea, :now)
				""")
				.param("principal", principal).param("key", key).param("method", method).param("path", path)
				.param("hash", requestHash).param("now", java.sql.Timestamp.from(clock.instant()))
				.update();
	}

	void complete(String principal, String key, int status, String contentType, String location, String etag,
			byte[] body) {
		jdbc.sql("""
				UPDATE idempotency_key SET status = :status, content_type = :contentType, location = :location,
				       etag = :etag, body = :body
				WHERE principal = :principal AND key = :key
				""")
				.param("status", status).param("contentType", contentType).param("location", location)
				.param("etag", etag).param("body", body).param("principal", principal).param("key", key)
				.update();
	}

	/** Gives up the claim made in the current transaction, so that nothing of the answer is kept. */
	void release(String principal, String key) {
		jdbc.sql("DELETE FROM idempotency_key WHERE principal = :principal AND key = :key")
				.param("principal", principal).param("key", key).update();
	}

	int deleteOlderThan(Instant instant) {
		return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :instant")
				.param("instant", java.sql.Timestamp.from(instant)).update();
	}
}
