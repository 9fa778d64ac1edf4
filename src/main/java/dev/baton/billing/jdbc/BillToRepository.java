package dev.baton.billing.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.billing.BillTo;

/**
 * Invoice owners' bill-to countries and regions.
 */
@Repository
public class BillToRepository {

	private final JdbcClient jdbc;

	BillToRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void put(BillTo billTo, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO billing_account (account_id, country, region, tax_id, updated_at, updated_by)
				VALUES (:account, :country, :region, :taxId, :at, :by)
				ON CONFLICT (account_id) DO UPDATE SET country = EXCLUDED.country, region = EXCLUDED.region,
				  tax_id = EXCLUDED.tax_id, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
				.param("account", billTo.accountId()).param("country", billTo.country()).param("region", billTo.region())
				.param("taxId", billTo.taxId()).param("at", Timestamp.from(at)).param("by", by).update();
	}

	public Optional<BillTo> find(UUID accountId) {
		return jdbc.sql("SELECT account_id, country, region, tax_id FROM billing_account WHERE account_id = :account")
				.param("account", accountId)
				.query((rs, n) -> new BillTo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
				.optional();
	}

	/** The bill-to of several owners in one query; owners without one are left out. */
	public Map<UUID, BillTo> findAll(Collection<UUID> accountIds) {
		var found = new HashMap<UUID, BillTo>();
		jdbc.sql("""
				SELECT account_id, country, region, tax_id FROM billing_account
				WHERE account_id = ANY (CAST(:accounts AS uuid[]))""")
				.param("accounts", accountIds.toArray(UUID[]::new))
				.query((rs, n) -> found.put(rs.getObject(1, UUID.class),
						new BillTo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4))))
				.list();
		return found;
	}
}
