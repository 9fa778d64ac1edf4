package dev.baton.finance.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ARR and booking rows of each subscription, replaced whole whenever its timeline changes, with
 * the subscription's row as the lock that serializes those replacements.
 */
@Repository
public class ArrRepository {

	private final JdbcClient jdbc;

	ArrRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who a version is about, as the reports group it. */
	public record Dimensions(String subscriptionNumber, UUID ownerAccountId, UUID invoiceOwnerAccountId,
			UUID opportunityId, String segment, String region, String currency) {
	}

	/** One charge of one version holding from {@code from} to, not including, {@code to}. */
	public record ArrRow(int version, String chargeCode, String productCode, UUID orderId, String orderNumber,
			String channel, Dimensions dimensions, BigDecimal annual, LocalDate from, LocalDate to, LocalDate termEnd,
			boolean renews) {
	}

	/** What one version's order booked on one charge. */
	public record BookingRow(int version, String chargeCode, String productCode, UUID orderId, String orderNumber,
			LocalDate bookedOn, String action, String kind, String channel, Dimensions dimensions, BigDecimal before,
			BigDecimal after, BigDecimal delta, BigDecimal renewed) {
	}

	/** A subscription's ARR on a day: its currency, opportunity, annual total, term end and whether it renews. */
	public record Holding(UUID subscriptionId, UUID opportunityId, String currency, BigDecimal arr, LocalDate termEnd,
			boolean renews) {
	}

	/** Locks the subscription's rows for this transaction, making its row the first time. */
	public void lock(UUID subscriptionId, UUID ownerAccountId, Instant now) {
		jdbc.sql("""
				INSERT INTO finance_subscription (subscription_id, owner_account_id, computed_version, computed_at)
				VALUES (:id, :owner, -1, :now) ON CONFLICT (subscription_id) DO NOTHING""")
				.param("id", subscriptionId).param("owner", ownerAccountId).param("now", Timestamp.from(now)).update();
		jdbc.sql("SELECT 1 FROM finance_subscription WHERE subscription_id = :id FOR UPDATE").param("id", subscriptionId)
				.query(Integer.class).single();
	}

	/** The accounts that owned the subscription in any row kept so far (an owner transfer moves ARR between two). */
	public List<UUID> ownersOf(UUID subscriptionId) {
		return jdbc.sql("""
				SELECT owner_account_id FROM finance_arr WHERE subscription_id = :id
				UNION SELECT owner_account_id FROM finance_subscription WHERE subscription_id = :id""")
				.param("id", subscriptionId).query(UUID.class).list();
	}

	/** Replaces the subscription's rows with those computed from its timeline up to {@code version}. */
	public void replace(UUID subscriptionId, UUID ownerAccountId, int version, List<ArrRow> arr, List<BookingRow> bookings,
			Instant now) {
		jdbc.sql("DELETE FROM finance_arr WHERE subscription_id = :id").param("id", subscriptionId).update();
		jdbc.sql("DELETE FROM finance_booking WHERE subscription_id = :id").param("id", subscriptionId).update();
		for (var row : arr) {
			var d = row.dimensions();
			jdbc.sql("""
					INSERT INTO finance_arr (subscription_id, version, charge_code, subscription_number, product_code, order_id,
					  order_number, owner_account_id, invoice_owner_account_id, opportunity_id, segment, channel, region,
					  currency, annual, valid_from, valid_to, term_end, renews)
					VALUES (:id, :version, :charge, :number, :product, :orderId, :orderNumber, :owner, :invoiceOwner,
					  :opportunity, :segment, :channel, :region, :currency, :annual, :from, :to, :termEnd, :renews)""")
					.param("id", subscriptionId).param("version", row.version()).param("charge", row.chargeCode())
					.param("number", d.subscriptionNumber()).param("product", row.productCode())
					.param("orderId", row.orderId()).param("orderNumber", row.orderNumber())
					.param("owner", d.ownerAccountId()).param("invoiceOwner", d.invoiceOwnerAccountId())
					.param("opportunity", d.opportunityId()).param("segment", d.segment()).param("channel", row.channel())
					.param("region", d.region()).param("currency", d.currency()).param("annual", row.annual())
					.param("from", Date.valueOf(row.from())).param("to", Date.valueOf(row.to()))
					.param("termEnd", Date.valueOf(row.termEnd())).param("renews", row.renews()).update();
		}
		for (var row : bookings) {
			var d = row.dimensions();
			jdbc.sql("""
					INSERT INTO finance_booking (subscription_id, version, charge_code, subscription_number, product_code,
					  order_id, order_number, booked_on, action, kind, owner_account_id, opportunity_id, segment, channel,
					  region, currency, arr_before, arr_after, delta, renewed)
					VALUES (:id, :version, :charge, :number, :product, :orderId, :orderNumber, :bookedOn, :action, :kind,
					  :owner, :opportunity, :segment, :channel, :region, :currency, :before, :after, :delta, :renewed)""")
					.param("id", subscriptionId).param("version", row.version()).param("charge", row.chargeCode())
					.param("number", d.subscriptionNumber()).param("product", row.productCode())
					.param("orderId", row.orderId()).param("orderNumber", row.orderNumber())
					.param("bookedOn", Date.valueOf(row.bookedOn())).param("action", row.action()).param("kind", row.kind())
					.param("owner", d.ownerAccountId()).param("opportunity", d.opportunityId())
					.param("segment", d.segment()).param("channel", row.channel()).param("region", d.region())
					.param("currency", d.currency()).param("before", row.before()).param("after", row.after())
					.param("delta", row.delta()).param("renewed", row.renewed()).update();
		}
		jdbc.sql("""
				UPDATE finance_subscription SET owner_account_id = :owner, computed_version = :version, computed_at = :now
				WHERE subscription_id = :id""")
				.param("id", subscriptionId).param("owner", ownerAccountId).param("version", version)
				.param("now", Timestamp.from(now)).update();
	}

	/** Serializes the computations of one account's figures until this transaction ends. */
	public void lockAccount(UUID accountId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('finance-account:' || CAST(:id AS TEXT), 0))")
				.param("id", accountId).query((rs, n) -> 1).single();
	}

	/** The account's subscriptions holding ARR on {@code day}, each with its total. */
	public List<Holding> holding(UUID accountId, LocalDate day) {
		return jdbc.sql("""
				SELECT subscription_id, opportunity_id, currency, sum(annual) AS arr, max(term_end) AS term_end,
				  bool_and(renews) AS renews
				FROM finance_arr
				WHERE owner_account_id = :account AND valid_from <= :day AND valid_to > :day
				GROUP BY subscription_id, opportunity_id, currency
				ORDER BY subscription_id""")
				.param("account", accountId).param("day", Date.valueOf(day))
				.query((rs, n) -> new Holding(rs.getObject("subscription_id", UUID.class),
						rs.getObject("opportunity_id", UUID.class), rs.getString("currency"), rs.getBigDecimal("arr"),
						rs.getObject("term_end", LocalDate.class), rs.getBoolean("renews")))
				.list();
	}

	/** Accounts whose ARR started or stopped holding on a day after {@code after} up to {@code until}. */
	public List<UUID> accountsChangingBetween(LocalDate after, LocalDate until) {
		return jdbc.sql("""
				SELECT DISTINCT owner_account_id FROM finance_arr
				WHERE (valid_from > :after AND valid_from <= :until) OR (valid_to > :after AND valid_to <= :until)""")
				.param("after", Date.valueOf(after)).param("until", Date.valueOf(until)).query(UUID.class).list();
	}
}
