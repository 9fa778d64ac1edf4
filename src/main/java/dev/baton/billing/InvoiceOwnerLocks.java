package dev.baton.billing;

import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serializes the work on one invoice owner's account: the billing run and an order on the same
 * account never interleave. Both take a transaction-scoped advisory lock per invoice owner before
 * they read a contract, and hold it until they commit, so a run bills a contract either before an
 * order changed it or after, never half of each.
 * <p>
 * The locks of one call are taken in one global order (by their key), so two callers locking
 * several owners each (a run's batch, an order touching two accounts) wait for each other but
 * never deadlock.
 */
@Component
public class InvoiceOwnerLocks {

	private final JdbcClient jdbc;

	InvoiceOwnerLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the invoice owners for the caller's transaction, waiting for any other holder to commit. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(Collection<UUID> invoiceOwners) {
		if (invoiceOwners.isEmpty()) {
			return;
		}
		// one statement: the subquery's order is the order the locks are taken in
		jdbc.sql("""
				SELECT count(pg_advisory_xact_lock(k)) FROM (
				  SELECT DISTINCT hashtextextended('invoice-owner:' || CAST(o AS text), 0) AS k
				  FROM unnest(CAST(:owners AS uuid[])) AS o ORDER BY k) keys""")
				.param("owners", invoiceOwners.toArray(UUID[]::new)).query(Long.class).single();
	}
}
