package dev.baton.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * User accounts in PostgreSQL. Updates name the version they read; a stale one changes nothing.
 */
@Repository
class UserAccounts {

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Credentials(UserAccount account, String passwordHash, int failedLoginCount) {
	}

	void insert(UserAccount account, String passwordHash) {
		jdbc.sql("""
				INSERT INTO user_account (id, username, display_name, email, password_hash, roles, enabled,
				                          version, created_at, updated_at)
				VALUES (:id, :username, :displayName, :email, :passwordHash, CAST(:roles AS text[]), :enabled,
				        :version, :createdAt, :updatedAt)
				""")
				.param("id", account.id()).param("username", account.username())
				.param("displayName", account.displayName()).param("email", account.email())
				.param("passwordHash", passwordHash).param("roles", rolesLiteral(account))
				.param("enabled", account.enabled()).param("version", account.version())
				.param("createdAt", Timestamp.from(account.createdAt()))
				.param("updatedAt", Timestamp.from(account.updatedAt()))
				.update();
	}

	/** Updates profile and roles if the stored version is {@code expectedVersion}; false if it is not. */
	boolean update(UserAccount account, int expectedVersion) {
		return jdbc.sql("""
				UPDATE user_account SET display_name = :displayName, email = :email, roles = CAST(:roles AS text[]),
				       enabled = :enabled, version = version + 1, updated_at = :updatedAt
				WHERE id = :id AND version = :expected
				""")
				.param("displayName", account.displayName()).param("email", account.email())
				.param("roles", rolesLiteral(account)).param("enabled", account.enabled())
				.param("updatedAt", Timestamp.from(account.updatedAt())).param("id", account.id())
				.param("expected", expectedVersion)
				.update() == 1;
	}

	void updatePassword(UUID id, String passwordHash, Instant at) {
		jdbc.sql("UPDATE user_account SET password_hash = :hash, version = version + 1, updated_at = :at WHERE id = :id")
				.param("hash", passwordHash).param("at", Timestamp.from(at)).param("id", id).update();
	}

	Optional<UserAccount> findById(UUID id) {
		return jdbc.sql("SELECT * FROM user_account WHERE id = :id").param("id", id).query(UserAccounts::map).optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM user_account WHERE lower(username) = lower(:username)")
				.param("username", username).query(UserAccounts::map).optional();
	}

	Optional<UserAccount> findByEmail(String email) {
		return jdbc.sql("SELECT * FROM user_account WHERE lower(email) = lower(:email)")
				.param("email", email).query(UserAccounts::map).optional();
	}

	Optional<Credentials> findCredentials(String username) {
		return jdbc.sql("SELECT * FROM user_account WHERE lower(username) = lower(:username)")
				.param("username", username)
				.query((rs, n) -> new Credentials(map(rs, n), rs.getString("password_hash"), rs.getInt("failed_login_count")))
				.optional();
	}

	List<UserAccount> page(long offset, int size) {
		return jdbc.sql("SELECT * FROM user_account ORDER BY lower(username) LIMIT :size OFFSET :offset")
				.param("size", size).param("offset", offset).query(UserAccounts::map).list();
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
	}

	long countEnabledAdmins() {
		return jdbc.sql("SELECT count(*) FROM user_account WHERE enabled AND 'ADMIN' = ANY(roles)").query(Long.class).single();
	}

	long countEnabledAdminsOtherThan(UUID id) {
		return jdbc.sql("SELECT count(*) FROM user_account WHERE enabled AND 'ADMIN' = ANY(roles) AND id <> :id")
				.param("id", id).query(Long.class).single();
	}

	/**
	 * Counts a wrong password and locks the account once {@code maxFailures} are reached in a
	 * row. A lock that has run out starts the count again. One statement, so concurrent attempts
	 * on several instances count correctly.
	 */
	void recordFailedLogin(String username, Instant now, int maxFailures, Instant lockUntil) {
		jdbc.sql("""
				UPDATE user_account SET
				  failed_login_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
				                            ELSE failed_login_count + 1 END,
				  locked_until = CASE
				      WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
				                 ELSE failed_login_count + 1 END) >= :max THEN :lockUntil
				      WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
				      ELSE locked_until END
				WHERE lower(username) = lower(:username)
				""")
				.param("now", Timestamp.from(now)).param("max", maxFailures)
				.param("lockUntil", Timestamp.from(lockUntil)).param("username", username)
				.update();
	}

	void recordSuccessfulLogin(String username) {
		jdbc.sql("""
				UPDATE user_account SET failed_login_count = 0, locked_until = NULL
				WHERE lower(username) = lower(:username) AND (failed_login_count <> 0 OR locked_until IS NOT NULL)
				""")
				.param("username", username).update();
	}

	private static String rolesLiteral(UserAccount account) {
		return account.roles().stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	static UserAccount map(ResultSet rs, int row) throws SQLException {
		var roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
		var locked = rs.getTimestamp("locked_until");
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), roles, rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
