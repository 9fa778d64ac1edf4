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

	/** A subscription claimed for billing: the version last billed and the day its next period starts. */
	public record Due(UUID subscriptionId, int billedVersion, LocalDate nextBillOn) {
	}

	/** Billing heard of a subscription version; an older version heard late changes nothing. */
	public void heard(UUID subscriptionId, int version, LocalDate firstDay, Instant at) {
		jdbc.sql("""
				INSERT INTO billing_subscription (subscription_id, known_version, billed_version, next_bill_on, updated_at)
				VALUES (:id, :version, -1, :first, :at)
				ON CONFLICT (subscription_id) DO UPDATE SET known_version = GREATEST(billing_subscription.known_version,
				  EXCLUDED.known_version), updated_at = EXCLUDED.updated_at""")
				.param("id", subscriptionId).param("version", version).param("first", firstDay)
				.param("at", Timestamp.from(at)).update();
	}

	/**
	 * Claims up to {@code limit} subscriptions due on {@code today} for this transaction, skipping
	 * those another run holds, so instances running at once share the work and never bill one
	 * subscription at the same time.
	 */
	public List<Due> claimDue(LocalDate today, int limit, List<UUID> skip) {
		return jdbc.sql("""
				SELECT subscription_id, billed_version, next_bill_on FROM billing_subscription
				WHERE (next_bill_on <= :today OR billed_version < known_version)
				  AND NOT (subscription_id = ANY (CAST(:skip AS uuid[])))
				ORDER BY subscription_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
				.param("today", today).param("limit", limit).param("skip", "{" + String.join(",", skip.stream().map(UUID::toString).toList()) + "}")
				.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, LocalDate.class)))
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
