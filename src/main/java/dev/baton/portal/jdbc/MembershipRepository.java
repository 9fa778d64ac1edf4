package dev.baton.portal.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.portal.Membership;

/**
 * Portal memberships in PostgreSQL: one account per login.
 */
@Repository
public class MembershipRepository {

	private final JdbcClient jdbc;

	MembershipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Membership> ofUser(UUID userId) {
		return jdbc.sql("SELECT * FROM portal_member WHERE user_id = :user").param("user", userId)
				.query((rs, n) -> new Membership(rs.getObject("user_id", UUID.class), rs.getObject("account_id", UUID.class),
						Membership.Kind.valueOf(rs.getString("kind"))))
				.optional();
	}

	public void put(Membership membership, Instant at) {
		jdbc.sql("""
				INSERT INTO portal_member (user_id, account_id, kind, created_at) VALUES (:user, :account, :kind, :at)
				ON CONFLICT (user_id) DO UPDATE SET account_id = EXCLUDED.account_id, kind = EXCLUDED.kind""")
				.param("user", membership.userId()).param("account", membership.accountId())
				.param("kind", membership.kind().name()).param("at", Timestamp.from(at)).update();
	}
}
