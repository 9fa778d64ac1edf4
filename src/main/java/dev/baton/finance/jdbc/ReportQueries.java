package dev.baton.finance.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report figures and their drill-downs, aggregated in SQL over finance's read models: no
 * report reads rows one by one into memory, and a drill-down returns at most {@code limit} items
 * beside the total of all it matched.
 */
@Repository
public class ReportQueries {

	/** The columns a report may group ARR and bookings by; nothing else reaches the SQL. */
	public static final Map<String, String> DIMENSIONS = Map.of("product", "product_code", "segment", "segment", "channel",
			"channel", "region", "region");

	private final JdbcClient jdbc;

	ReportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An aggregate row: a key (a dimension's value, a month, a bucket), a currency and named figures. */
	public record Figures(String key, String currency, Map<String, BigDecimal> values, long count) {
	}

	/** One item a figure is the sum of, with where it comes from. */
	public record Item(String kind, UUID id, String number, UUID accountId, String subscriptionNumber, String orderNumber,
			LocalDate date, String description, String currency, BigDecimal amount) {
	}

	/** Items of a drill-down: the first {@code limit}, the count and the total of all of them. */
	public record Items(List<Item> items, long count, BigDecimal total) {
	}

	private static String accounts(String column, Collection<UUID> accounts) {
		return accounts.isEmpty() ? "" : " AND " + column + " IN (:accounts)";
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Collection<UUID> accounts) {
		return accounts.isEmpty() ? spec : spec.param("accounts", accounts);
	}

	/** The key of a row: the dimension's column, or 'all' for the totals per currency. */
	private static String key(String by) {
		return by == null ? "'all'" : column(by);
	}

	private static String grouped(String by) {
		return by == null ? " GROUP BY currency ORDER BY currency"
				: " GROUP BY " + column(by) + ", currency ORDER BY currency, " + column(by);
	}

	private static String column(String by) {
		var column = DIMENSIONS.get(by);
		if (column == null) {
			throw new IllegalArgumentException("Not a dimension: " + by);
		}
		return column;
	}

	// ARR ---------------------------------------------------------------------------------------------

	/** ARR on a day per dimension value and currency (by null: per currency only). */
	public List<Figures> arr(LocalDate day, String by, Collection<UUID> accounts) {
		return bind(jdbc.sql("SELECT " + key(by) + " AS key, currency, sum(annual) AS arr, count(DISTINCT subscription_id) AS n"
				+ " FROM finance_arr WHERE valid_from <= :day AND valid_to > :day" + accounts("owner_account_id", accounts)
				+ grouped(by)).param("day", Date.valueOf(day)), accounts)
				.query((rs, n) -> new Figures(rs.getString("key"), rs.getString("currency"),
						Map.of("arr", rs.getBigDecimal("arr")), rs.getLong("n")))
				.list();
	}

	public Items arrItems(LocalDate day, String by, String value, String currency, Collection<UUID> accounts, int limit) {
		var where = " FROM finance_arr WHERE valid_from <= :day AND valid_to > :day AND " + column(by) + " = :value"
				+ " AND currency = :currency" + accounts("owner_account_id", accounts);
		return items(where, """
				SELECT 'SUBSCRIPTION_CHARGE' AS kind, subscription_id AS id, subscription_number AS number,
				  owner_account_id AS account_id, subscription_number, order_number, valid_from AS date,
				  charge_code || ' (version ' || version || ', in force from ' || valid_from || ' to ' || valid_to || ')' AS description,
				  currency, annual AS amount""", "subscription_number, charge_code", "annual",
				spec -> bind(spec.param("day", Date.valueOf(day)).param("value", value).param("currency", currency),
						accounts), limit);
	}

	// Bookings ----------------------------------------------------------------------------------------

	public List<Figures> bookings(LocalDate from, LocalDate to, String by, Collection<UUID> accounts) {
		return bind(jdbc.sql("SELECT " + key(by) + " AS key, currency,"
				+ " coalesce(sum(delta) FILTER (WHERE kind = 'NEW'), 0) AS new_arr,"
				+ " coalesce(sum(delta) FILTER (WHERE kind = 'EXPANSION'), 0) AS expansion,"
				+ " coalesce(sum(delta) FILTER (WHERE kind = 'CONTRACTION'), 0) AS contraction,"
				+ " coalesce(sum(delta) FILTER (WHERE kind = 'CHURN'), 0) AS churn,"
				+ " coalesce(sum(delta) FILTER (WHERE kind = 'RENEWAL'), 0) AS renewal_change,"
				+ " sum(delta) AS net_new, sum(renewed) AS renewed, count(DISTINCT order_id) AS n"
				+ " FROM finance_booking WHERE booked_on >= :from AND booked_on < :to" + accounts("owner_account_id", accounts)
				+ grouped(by))
				.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)), accounts)
				.query((rs, n) -> new Figures(rs.getString("key"), rs.getString("currency"), values(rs, "new_arr", "expansion",
						"contraction", "churn", "renewal_change", "net_new", "renewed"), rs.getLong("n")))
				.list();
	}

	public Items bookingItems(LocalDate from, LocalDate to, String by, String value, String currency,
			Collection<UUID> accounts, int limit) {
		var where = " FROM finance_booking WHERE booked_on >= :from AND booked_on < :to AND " + column(by) + " = :value"
				+ " AND currency = :currency" + accounts("owner_account_id", accounts);
		return items(where, """
				SELECT 'ORDER' AS kind, order_id AS id, order_number AS number, owner_account_id AS account_id,
				  subscription_number, order_number, booked_on AS date,
				  kind || ': ' || action || ' of ' || charge_code || ' (ARR ' || arr_before || ' to ' || arr_after
				    || CASE WHEN renewed <> 0 THEN ', renewed ' || renewed ELSE '' END || ')' AS description,
				  currency, delta AS amount""", "booked_on, order_number, charge_code", "delta",
				spec -> bind(spec.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("value", value)
						.param("currency", currency), accounts), limit);
	}

	// Billings ----------------------------------------------------------------------------------------

	/** Invoices, credit notes and voids by document day: each signed as it moves what was billed. */
	private static String billingDocuments(Collection<UUID> accounts) {
		return """
				SELECT 'INVOICE' AS kind, i.invoice_id AS id, i.number, i.account_id, i.issued_on AS date, i.currency,
				  i.total AS amount, 'Invoice ' || i.number AS description
				FROM finance_invoice i WHERE i.issued_on >= :from AND i.issued_on < :to""" + accounts("i.account_id", accounts) + """

				UNION ALL
				SELECT 'CREDIT_NOTE', c.credit_note_id, c.number, c.account_id, c.issued_on, c.currency, -c.amount,
				  'Credit note ' || c.number || ' on invoice ' || i.number
				FROM finance_credit_note c JOIN finance_invoice i ON i.invoice_id = c.invoice_id
				WHERE c.issued_on >= :from AND c.issued_on < :to""" + accounts("c.account_id", accounts) + """

				UNION ALL
				SELECT 'VOID', i.invoice_id, i.number, i.account_id, i.settled_on, i.currency,
				  -(i.total - coalesce((SELECT sum(c.amount) FROM finance_credit_note c WHERE c.invoice_id = i.invoice_id), 0)),
				  'Invoice ' || i.number || ' voided'
				FROM finance_invoice i WHERE i.status = 'VOID' AND i.settled_on >= :from AND i.settled_on < :to"""
				+ accounts("i.account_id", accounts);
	}

	public List<Figures> billings(LocalDate from, LocalDate to, Collection<UUID> accounts) {
		return bind(jdbc.sql("SELECT to_char(date, 'YYYY-MM') AS key, currency,"
				+ " coalesce(sum(amount) FILTER (WHERE kind = 'INVOICE'), 0) AS invoiced,"
				+ " coalesce(-sum(amount) FILTER (WHERE kind = 'CREDIT_NOTE'), 0) AS credited,"
				+ " coalesce(-sum(amount) FILTER (WHERE kind = 'VOID'), 0) AS voided,"
				+ " sum(amount) AS net, count(*) FILTER (WHERE kind = 'INVOICE') AS n"
				+ " FROM (" + billingDocuments(accounts) + ") d GROUP BY 1, 2 ORDER BY 2, 1")
				.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)), accounts)
				.query((rs, n) -> new Figures(rs.getString("key"), rs.getString("currency"),
						values(rs, "invoiced", "credited", "voided", "net"), rs.getLong("n")))
				.list();
	}

	public Items billingItems(LocalDate from, LocalDate to, String currency, Collection<UUID> accounts, int limit) {
		return items(" FROM (" + billingDocuments(accounts) + ") d WHERE currency = :currency",
				"SELECT kind, id, number, account_id, NULL AS subscription_number, NULL AS order_number, date, description,"
						+ " currency, amount",
				"date, number, kind", "amount", spec -> bind(spec.param("from", Date.valueOf(from)).param("to",
						Date.valueOf(to)).param("currency", currency), accounts),
				limit);
	}

	// Collections -------------------------------------------------------------------------------------

	/** Cash received (card and transfer) and refunds paid back, by day. */
	private static String cashMovements(Collection<UUID> accounts) {
		return """
				SELECT 'PAYMENT' AS kind, p.payment_id AS id, i.number, p.account_id, p.received_on AS date, p.currency,
				  p.amount, p.method || ' payment on invoice ' || i.number AS description
				FROM finance_payment p JOIN finance_invoice i ON i.invoice_id = p.invoice_id
				WHERE p.status = 'SUCCEEDED' AND p.method IN ('CARD', 'WIRE')
				  AND p.received_on >= :from AND p.received_on < :to""" + accounts("p.account_id", accounts) + """

				UNION ALL
				SELECT 'REFUND', c.credit_note_id, c.number, c.account_id, c.issued_on, c.currency, -c.refunded,
				  'Refund with credit note ' || c.number
				FROM finance_credit_note c WHERE c.refunded > 0 AND c.issued_on >= :from AND c.issued_on < :to"""
				+ accounts("c.account_id", accounts);
	}

	public List<Figures> collections(LocalDate from, LocalDate to, Collection<UUID> accounts) {
		return bind(jdbc.sql("SELECT to_char(date, 'YYYY-MM') AS key, currency,"
				+ " coalesce(sum(amount) FILTER (WHERE kind = 'PAYMENT'), 0) AS received,"
				+ " coalesce(-sum(amount) FILTER (WHERE kind = 'REFUND'), 0) AS refunded,"
				+ " sum(amount) AS net, count(*) FILTER (WHERE kind = 'PAYMENT') AS n"
				+ " FROM (" + cashMovements(accounts) + ") d GROUP BY 1, 2 ORDER BY 2, 1")
				.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)), accounts)
				.query((rs, n) -> new Figures(rs.getString("key"), rs.getString("currency"),
						values(rs, "received", "refunded", "net"), rs.getLong("n")))
				.list();
	}

	public Items collectionItems(LocalDate from, LocalDate to, String currency, Collection<UUID> accounts, int limit) {
		return items(" FROM (" + cashMovements(accounts) + ") d WHERE currency = :currency",
				"SELECT kind, id, number, account_id, NULL AS subscription_number, NULL AS order_number, date, description,"
						+ " currency, amount",
				"date, number, kind", "amount", spec -> bind(spec.param("from", Date.valueOf(from)).param("to",
						Date.valueOf(to)).param("currency", currency), accounts),
				limit);
	}

	// AR aging ----------------------------------------------------------------------------------------

	/**
	 * Each invoice owed something at the end of {@code day}: issued by then, not voided or written
	 * off by then, less the credit notes issued and the payments received by then, with its bucket
	 * by the days past its due day.
	 */
	private static String outstanding(Collection<UUID> accounts) {
		return """
				SELECT i.invoice_id, i.number, i.account_id, i.currency, i.due_on,
				  i.total - coalesce((SELECT sum(c.amount) FROM finance_credit_note c
				                      WHERE c.invoice_id = i.invoice_id AND c.issued_on <= :day), 0)
				          - coalesce((SELECT sum(p.applied) FROM finance_payment p
				                      WHERE p.invoice_id = i.invoice_id AND p.status = 'SUCCEEDED' AND p.received_on <= :day), 0)
				    AS outstanding,
				  CASE WHEN CAST(:day AS DATE) - i.due_on <= 0 THEN 'current' WHEN CAST(:day AS DATE) - i.due_on <= 30 THEN '1-30'
				       WHEN CAST(:day AS DATE) - i.due_on <= 60 THEN '31-60' WHEN CAST(:day AS DATE) - i.due_on <= 90 THEN '61-90' ELSE 'over-90' END
				    AS bucket
				FROM finance_invoice i
				WHERE i.issued_on <= :day AND (i.status = 'OPEN' OR i.settled_on IS NULL OR i.settled_on > :day)"""
				+ accounts("i.account_id", accounts);
	}

	public List<Figures> aging(LocalDate day, Collection<UUID> accounts) {
		return bind(jdbc.sql("SELECT 'all' AS key, currency,"
				+ " coalesce(sum(outstanding) FILTER (WHERE bucket = 'current'), 0) AS current,"
				+ " coalesce(sum(outstanding) FILTER (WHERE bucket = '1-30'), 0) AS days_1_30,"
				+ " coalesce(sum(outstanding) FILTER (WHERE bucket = '31-60'), 0) AS days_31_60,"
				+ " coalesce(sum(outstanding) FILTER (WHERE bucket = '61-90'), 0) AS days_61_90,"
				+ " coalesce(sum(outstanding) FILTER (WHERE bucket = 'over-90'), 0) AS over_90,"
				+ " sum(outstanding) AS total, count(*) AS n"
				+ " FROM (" + outstanding(accounts) + ") o WHERE outstanding <> 0 GROUP BY currency ORDER BY currency")
				.param("day", Date.valueOf(day)), accounts)
				.query((rs, n) -> new Figures(rs.getString("key"), rs.getString("currency"),
						values(rs, "current", "days_1_30", "days_31_60", "days_61_90", "over_90", "total"), rs.getLong("n")))
				.list();
	}

	public Items agingItems(LocalDate day, String bucket, String currency, Collection<UUID> accounts, int limit) {
		return items(" FROM (" + outstanding(accounts) + ") o WHERE outstanding <> 0 AND currency = :currency"
				+ " AND (CAST(:bucket AS TEXT) = 'all' OR bucket = :bucket)",
				"SELECT 'INVOICE' AS kind, invoice_id AS id, number, account_id, NULL AS subscription_number,"
						+ " NULL AS order_number, due_on AS date, 'Due ' || due_on || ', ' || bucket || ' days past due' AS description,"
						+ " currency, outstanding AS amount",
				"due_on, number", "outstanding", spec -> bind(spec.param("day", Date.valueOf(day))
						.param("bucket", bucket).param("currency", currency), accounts),
				limit);
	}

	// Deferred revenue --------------------------------------------------------------------------------

	/**
	 * Per month from {@code first} to {@code last} (first days of months): what was invoiced and
	 * reversed (credit notes and voids) by document day, what was recognized, and the deferred
	 * revenue at the month's end: everything billed by then less everything recognized by then.
	 */
	public List<Figures> deferred(LocalDate first, LocalDate last, Collection<UUID> accounts) {
		var filter = accounts("account_id", accounts);
		return bind(jdbc.sql("""
				WITH billed AS (
				  SELECT date_trunc('month', document_date)::date AS month, currency,
				    sum(amount) FILTER (WHERE source = 'INVOICE') AS invoiced,
				    sum(amount) FILTER (WHERE source <> 'INVOICE') AS reversed,
				    sum(amount) AS net
				  FROM finance_revenue WHERE document_date < :end""" + filter + """

				  GROUP BY 1, 2),
				recognized AS (
				  SELECT month, currency, sum(amount) AS amount FROM finance_revenue WHERE month < :end""" + filter + """

				  GROUP BY 1, 2),
				months AS (SELECT generate_series(CAST(:first AS DATE), CAST(:last AS DATE), interval '1 month')::date AS month),
				currencies AS (SELECT currency FROM billed UNION SELECT currency FROM recognized)
				SELECT to_char(m.month, 'YYYY-MM') AS key, c.currency,
				  coalesce((SELECT b.invoiced FROM billed b WHERE b.month = m.month AND b.currency = c.currency), 0) AS invoiced,
				  -coalesce((SELECT b.reversed FROM billed b WHERE b.month = m.month AND b.currency = c.currency), 0) AS reversed,
				  coalesce((SELECT r.amount FROM recognized r WHERE r.month = m.month AND r.currency = c.currency), 0) AS recognized,
				  coalesce((SELECT sum(b.net) FROM billed b WHERE b.month <= m.month AND b.currency = c.currency), 0)
				    - coalesce((SELECT sum(r.amount) FROM recognized r WHERE r.month <= m.month AND r.currency = c.currency), 0)
				    AS deferred
				FROM months m CROSS JOIN currencies c ORDER BY c.currency, m.month""")
				.param("first", Date.valueOf(first)).param("last", Date.valueOf(last))
				.param("end", Date.valueOf(last.plusMonths(1))), accounts)
				.query((rs, n) -> new Figures(rs.getString("key"), rs.getString("currency"),
						values(rs, "invoiced", "reversed", "recognized", "deferred"), 0))
				.list();
	}

	public Items recognizedItems(LocalDate month, String currency, Collection<UUID> accounts, int limit) {
		return items("""
				 FROM finance_revenue r JOIN finance_invoice_line l ON l.line_id = r.line_id
				  JOIN finance_invoice i ON i.invoice_id = r.invoice_id
				  LEFT JOIN finance_credit_note c ON c.credit_note_id = r.document_id AND r.source = 'CREDIT_NOTE'
				 WHERE r.month = :month AND r.currency = :currency""" + accounts("r.account_id", accounts),
				"""
						SELECT r.source AS kind, r.document_id AS id, coalesce(c.number, i.number) AS number,
						  r.account_id, l.subscription_number, l.order_number, r.document_date AS date,
						  CASE r.source WHEN 'INVOICE' THEN 'Invoice ' WHEN 'VOID' THEN 'Void of invoice ' ELSE 'Credit note on invoice ' END
						    || i.number || ': ' || l.plan_code || ' ' || l.service_from || '..' || l.service_to || ' ('
						    || lower(l.recognition) || ')' AS description,
						  r.currency, r.amount""",
				"r.document_date, number, l.position", "r.amount",
				spec -> bind(spec.param("month", Date.valueOf(month)).param("currency", currency), accounts), limit);
	}

	// -------------------------------------------------------------------------------------------------

	private Items items(String from, String select, String order, String amount,
			java.util.function.UnaryOperator<JdbcClient.StatementSpec> params, int limit) {
		var list = params.apply(jdbc.sql(select + " " + from + " ORDER BY " + order + " LIMIT :limit")).param("limit", limit)
				.query(ReportQueries::item).list();
		var totals = params.apply(jdbc.sql("SELECT count(*) AS n, coalesce(sum(" + amount + "), 0) AS total " + from))
				.query((rs, n) -> new Object[] { rs.getLong("n"), rs.getBigDecimal("total") }).single();
		return new Items(list, (Long) totals[0], (BigDecimal) totals[1]);
	}

	private static Item item(ResultSet rs, int n) throws SQLException {
		return new Item(rs.getString("kind"), rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("account_id", UUID.class), rs.getString("subscription_number"), rs.getString("order_number"),
				rs.getObject("date", LocalDate.class), rs.getString("description"), rs.getString("currency"),
				rs.getBigDecimal("amount"));
	}

	private static Map<String, BigDecimal> values(ResultSet rs, String... columns) throws SQLException {
		var values = new java.util.LinkedHashMap<String, BigDecimal>();
		for (var column : columns) {
			values.put(column, rs.getBigDecimal(column));
		}
		return values;
	}
}
