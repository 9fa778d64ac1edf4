package dev.baton.billing.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which subscriptions the billing run has to look at: those whose next period has started and
 * those changed since they were last billed.
 */
@Repository
public class BillingScheduleRepository {

	private final JdbcClient jdbc;

	BillingScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A subscription claimed for billing: its invoice owner, the version last billed and the day its next period starts. */
	public record Due(UUID subscriptionId, UUID invoiceOwner, int billedVersion, LocalDate nextBillOn) {

		public Due(UUID subscriptionId, int billedVersion, LocalDate nextBillOn) {
			this(subscriptionId, null, billedVersion, nextBillOn);
		}
	}

	/** Where a keyset walk over the subscriptions stands: the last (owner, subscription) claimed. */
	public record Cursor(UUID invoiceOwner, UUID subscriptionId) {

		// PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first
		public static final Cursor START = new Cursor(new UUID(0, 0), new UUID(0, 0));
	}

	/**
	 * Billing heard of a subscription version; an older version heard late changes nothing. The
	 * invoice owner is the newest version's (a direct sale's owner moves with a transfer).
	 */
	public void heard(UUID subscriptionId, UUID invoiceOwner, int version, LocalDate firstDay, Instant at) {
		jdbc.sql("""
				INSERT INTO billing_subscription (subscription_id, invoice_owner_account_id, known_version, billed_version,
				  next_bill_on, updated_at)
				VALUES (:id, :owner, :version, -1, :first, :at)
				ON CONFLICT (subscription_id) DO UPDATE SET known_version = GREATEST(billing_subscription.known_version,
				  EXCLUDED.known_version),
				  invoice_owner_account_id = CASE WHEN EXCLUDED.known_version >= billing_subscription.known_version
				    THEN EXCLUDED.invoice_owner_account_id ELSE billing_subscription.invoice_owner_account_id END,
				  updated_at = EXCLUDED.updated_at""")
				.param("id", subscriptionId).param("owner", invoiceOwner).param("version", version).param("first", firstDay)
				.param("at", Timestamp.from(at)).update();
	}

	/**
	 * Claims up to {@code limit} subscriptions due on {@code today} after {@code after}, in the order
	 * of their invoice owner, for this transaction, skipping those another run holds: instances
	 * running at once share the work, and a batch holds whole runs of an owner's subscriptions.
	 */
	public List<Due> claimBatch(LocalDate today, Cursor after, int limit, List<UUID> skip) {
		return jdbc.sql("""
				SELECT subscription_id, invoice_owner_account_id, billed_version, next_bill_on FROM billing_subscription
				WHERE (invoice_owner_account_id, subscription_id) > (:owner, :subscription)
				  AND (next_bill_on <= :today OR billed_version < known_version)
				  AND NOT (subscription_id = ANY (CAST(:skip AS uuid[])))
				ORDER BY invoice_owner_account_id, subscription_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
				.param("owner", after.invoiceOwner()).param("subscription", after.subscriptionId()).param("today", today)
				.param("limit", limit).param("skip", skip.toArray(UUID[]::new))
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
						rs.getObject(4, LocalDate.class)))
				.list();
	}

	/** Locks one subscription's row for this transaction, waiting for a run that holds it. */
	public java.util.Optional<Due> lock(UUID subscriptionId) {
		return jdbc.sql("""
				SELECT subscription_id, invoice_owner_account_id, billed_version, next_bill_on FROM billing_subscription
				WHERE subscription_id = :id FOR UPDATE""")
				.param("id", subscriptionId)
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
						rs.getObject(4, LocalDate.class)))
				.optional();
	}

	/** One subscription claimed by id, if it is still due and nobody else holds it. */
	public java.util.Optional<Due> claimOne(UUID subscriptionId, LocalDate today) {
		return jdbc.sql("""
				SELECT subscription_id, invoice_owner_account_id, billed_version, next_bill_on FROM billing_subscription
				WHERE subscription_id = :id AND (next_bill_on <= :today OR billed_version < known_version)
				FOR UPDATE SKIP LOCKED""")
				.param("id", subscriptionId).param("today", today)
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
						rs.getObject(4, LocalDate.class)))
				.optional();
	}

	/** A subscription billed: the version billed and the day its next period starts (null: nothing more). */
	public record Billed(UUID subscriptionId, int version, LocalDate nextBillOn) {
	}

	/** Records several subscriptions billed, in one statement. */
	public void billedAll(List<Billed> billed, Instant at) {
		if (billed.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE billing_subscription b SET billed_version = GREATEST(b.billed_version, u.version),
				  known_version = GREATEST(b.known_version, u.version), next_bill_on = u.next, updated_at = :at
				FROM unnest(CAST(:ids AS uuid[]), CAST(:versions AS int[]), CAST(:next AS date[])) AS u (id, version, next)
				WHERE b.subscription_id = u.id""")
				.param("ids", billed.stream().map(b -> b.subscriptionId().toString()).toArray(String[]::new))
				.param("versions", billed.stream().map(b -> Integer.toString(b.version())).toArray(String[]::new))
				.param("next", billed.stream().map(b -> b.nextBillOn() == null ? null : b.nextBillOn().toString())
						.toArray(String[]::new))
				.param("at", Timestamp.from(at)).update();
	}

	/**
	 * Claims up to {@code limit} subscriptions due on {@code today} for this transaction, skipping
	 * those another run holds, so instances running at once share the work and never bill one
	 * subscription at the same time.
	 */
	public List<Due> claimDue(LocalDate today, int limit, List<UUID> skip) {
		return jdbc.sql("""
				SELECT subscription_id, invoice_owner_account_id, billed_version, next_bill_on FROM billing_subscription
				WHERE (next_bill_on <= :today OR billed_version < known_version)
				  AND NOT (subscription_id = ANY (CAST(:skip AS uuid[])))
				ORDER BY subscription_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
				.param("today", today).param("limit", limit).param("skip", "{" + String.join(",", skip.stream().map(UUID::toString).toList()) + "}")
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
						rs.getObject(4, LocalDate.class)))
				.list();
	}

	/** The subscription is billed from {@code version} up to the period starting {@code nextBillOn} (null: nothing more). */
	public void billed(UUID subscriptionId, int version, LocalDate nextBillOn, Instant at) {
		jdbc.sql("""
				UPDATE billing_subscription SET billed_version = GREATEST(billed_version, :version),
				  known_version = GREATEST(known_version, :version), next_bill_on = :next, updated_at = :at
				WHERE subscription_id = :id""")
				.param("id", subscriptionId).param("version", version).param("next", nextBillOn)
				.param("at", Timestamp.from(at)).update();
	}
}
