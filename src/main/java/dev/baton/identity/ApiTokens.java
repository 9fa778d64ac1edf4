package dev.baton.identity;

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
 * API tokens in PostgreSQL, found by the SHA-256 of their secret.
 */
@Repository
class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiToken token, String hash) {
		jdbc.sql("""
				INSERT INTO api_token (id, user_id, name, token_hash, token_prefix, created_at, expires_at, version)
				VALUES (:id, :userId, :name, :hash, :prefix, :createdAt, :expiresAt, 0)
				""")
				.param("id", token.id()).param("userId", token.userId()).param("name", token.name())
				.param("hash", hash).param("prefix", token.prefix())
				.param("createdAt", Timestamp.from(token.createdAt()))
				.param("expiresAt", token.expiresAt() == null ? null : Timestamp.from(token.expiresAt()))
				.update();
	}

	Optional<ApiToken> findByHash(String hash) {
		return jdbc.sql("SELECT * FROM api_token WHERE token_hash = :hash").param("hash", hash)
				.query(ApiTokens::map).optional();
	}

	Optional<ApiToken> findById(UUID id) {
		return jdbc.sql("SELECT * FROM api_token WHERE id = :id").param("id", id).query(ApiTokens::map).optional();
	}

	List<ApiToken> findByUser(UUID userId) {
		return jdbc.sql("SELECT * FROM api_token WHERE user_id = :userId ORDER BY created_at DESC")
				.param("userId", userId).query(ApiTokens::map).list();
	}

	boolean revoke(UUID id, Instant at) {
		return jdbc.sql("UPDATE api_token SET revoked_at = :at, version = version + 1 WHERE id = :id AND revoked_at IS NULL")
				.param("at", Timestamp.from(at)).param("id", id).update() == 1;
	}

	/** Notes a use, at most once a minute per token, to keep token requests from writing every time. */
	void touch(UUID id, Instant at) {
		jdbc.sql("""
				UPDATE api_token SET last_used_at = :at
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < CAST(:at AS timestamptz) - interval '1 minute')
				""")
				.param("at", Timestamp.from(at)).param("id", id).update();
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
				rs.getString("token_prefix"), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
