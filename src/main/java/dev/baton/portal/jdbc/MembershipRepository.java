package dev.baton.portal.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.portal.Membership;

/**
 * Portal memberships in PostgreSQL: one account per login, and the end customers registered for
 * each partner.
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

	/** Registers an end customer for a partner; registering it again changes nothing. */
	public boolean registerEndCustomer(UUID partnerAccountId, UUID customerAccountId, String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO partner_end_customer (partner_account_id, customer_account_id, registered_by, registered_at)
				VALUES (:partner, :customer, :by, :at) ON CONFLICT DO NOTHING""")
				.param("partner", partnerAccountId).param("customer", customerAccountId).param("by", by)
				.param("at", Timestamp.from(at)).update() == 1;
	}

	/** The end customers registered for a partner. */
	public List<UUID> registeredEndCustomers(UUID partnerAccountId) {
		return jdbc.sql("SELECT customer_account_id FROM partner_end_customer WHERE partner_account_id = :partner")
				.param("partner", partnerAccountId).query(UUID.class).list();
	}
}
