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

	/** The advisory lock key of changes to administrators ("ADMINS" in ASCII). */
	private static final long ADMINISTRATORS_LOCK = 0x41444D494E53L;

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

	/** The display names of these logins, by username as given (one statement); unknown ones are left out. */
	java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
		var names = new java.util.HashMap<String, String>();
		if (usernames.isEmpty()) {
			return names;
		}
		var lower = usernames.stream().collect(java.util.stream.Collectors.toMap(u -> u.toLowerCase(java.util.Locale.ROOT),
				u -> u, (a, b) -> a));
		jdbc.sql("SELECT username, display_name FROM user_account WHERE lower(username) IN (:names)")
				.param("names", lower.keySet())
				.query((rs, n) -> names.put(lower.getOrDefault(rs.getString("username").toLowerCase(java.util.Locale.ROOT),
						rs.getString("username")), rs.getString("display_name")))
				.list();
		return names;
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

	/**
	 * Serialises, until the current transaction ends, the changes that may take away an enabled
	 * administrator: each checks that another one remains, which only holds if no other such change
	 * runs between its check and its commit.
	 */
	void lockAdministrators() {
		jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", ADMINISTRATORS_LOCK).query((rs, n) -> 1).list();
	}

	long countEnabledAdminsOtherThan(UUID id) {
		return jdbc.sql("SELECT count(*) FROM user_account WHERE enabled AND 'ADMIN' = ANY(roles) AND id <> :id")
				.param("id", id).query(Long.class).single();
	}

	/** A wrong password that was counted: the count in a row, and the lock it set if it reached the limit. */
	record LoginFailure(int count, Instant lockedUntil) {
	}

	/**
	 * Counts a wrong password after it was checked, in one statement, unless the account is locked
	 * by now (then nothing is counted: the attempt changes nothing). The failure that reaches
	 * {@code maxFailures} sets the lock, exactly once per lock; a lock that has run out starts the
	 * count again.
	 *
	 * @return empty when nothing was counted (locked, or no such account)
	 */
	Optional<LoginFailure> recordFailedLogin(String username, Instant now, int maxFailures, Instant lockUntil) {
		return jdbc.sql("""
				UPDATE user_account SET
				  failed_login_count = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_login_count + 1 END,
				  locked_until = CASE
				      WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_login_count + 1 END) >= :max
				      THEN CAST(:lockUntil AS timestamptz) END
				WHERE lower(username) = lower(:username) AND password_hash IS NOT NULL
				  AND (locked_until IS NULL OR locked_until <= :now)
				RETURNING failed_login_count, locked_until
				""")
				.param("now", Timestamp.from(now)).param("max", maxFailures)
				.param("lockUntil", Timestamp.from(lockUntil)).param("username", username)
				.query((rs, n) -> {
					var locked = rs.getTimestamp("locked_until");
					return new LoginFailure(rs.getInt("failed_login_count"), locked == null ? null : locked.toInstant());
				})
				.optional();
	}

	/**
	 * A password was right: unless the account is locked at this moment, the failures so far were
	 * no attack, so the count (and a lock that has run out) is lifted. Reads first, so that the
	 * usual login of an account with nothing to lift writes nothing.
	 *
	 * @return whether the login may go ahead: false when the account is locked now
	 */
	boolean recordSuccessfulLogin(String username, Instant now) {
		var state = jdbc.sql("SELECT failed_login_count, locked_until FROM user_account WHERE lower(username) = lower(:username)")
				.param("username", username)
				.query((rs, n) -> new LoginFailure(rs.getInt("failed_login_count"),
						rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant()))
				.optional();
		if (state.isEmpty()) {
			return false;
		}
		if (state.get().count() == 0 && state.get().lockedUntil() == null) {
			return true;
		}
		return jdbc.sql("""
				UPDATE user_account SET failed_login_count = 0, locked_until = NULL
				WHERE lower(username) = lower(:username) AND (locked_until IS NULL OR locked_until <= :now)
				""")
				.param("username", username).param("now", Timestamp.from(now)).update() == 1;
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
