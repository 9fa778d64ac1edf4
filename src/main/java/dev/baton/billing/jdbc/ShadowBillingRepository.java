package dev.baton.billing.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.billing.ShadowBillingRun;

/**
 * Shadow billing runs and their results, and the keyset walk over the subscriptions billing knows.
 */
@Repository
public class ShadowBillingRepository {

	/** The order of the distribution's buckets: each a label and the percent change it goes up to (exclusive). */
	private static final String BUCKETS = """
			CASE WHEN current_amount = 0 THEN 'new (nothing billed today)'
			  WHEN proposed_amount = current_amount THEN 'no change'
			  WHEN pct < -10 THEN 'down more than 10%'
			  WHEN pct < -5 THEN 'down 5% to 10%'
			  WHEN pct < 0 THEN 'down less than 5%'
			  WHEN pct <= 5 THEN 'up to 5%'
			  WHEN pct <= 10 THEN 'up 5% to 10%'
			  WHEN pct <= 20 THEN 'up 10% to 20%'
			  ELSE 'up more than 20%' END""";

	private static final List<String> BUCKET_ORDER = List.of("down more than 10%", "down 5% to 10%", "down less than 5%",
			"no change", "up to 5%", "up 5% to 10%", "up 10% to 20%", "up more than 20%", "new (nothing billed today)");

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ShadowBillingRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** One subscription's period, before and after. */
	public record Result(UUID subscriptionId, UUID accountId, String currency, BigDecimal current, BigDecimal proposed) {
	}

	public void insertRun(ShadowBillingRun run) {
		jdbc.sql("""
				INSERT INTO shadow_billing_run (id, price_book_version_id, price_book_version_number, on_day, status,
				  requested_by, requested_at)
				VALUES (:id, :version, :number, :on, 'PENDING', :by, :at)""")
				.param("id", run.id()).param("version", run.priceBookVersionId()).param("number", run.priceBookVersionNumber())
				.param("on", run.on()).param("by", run.requestedBy()).param("at", Timestamp.from(run.requestedAt())).update();
	}

	/** Marks a run started, clearing what an earlier attempt of it left. */
	public void started(UUID id, Instant at) {
		jdbc.sql("DELETE FROM shadow_billing_subscription WHERE run_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM shadow_billing_account WHERE run_id = :id").param("id", id).update();
		jdbc.sql("""
				UPDATE shadow_billing_run SET status = 'RUNNING', started_at = :at, finished_at = NULL, failure = NULL
				WHERE id = :id""").param("id", id).param("at", Timestamp.from(at)).update();
	}

	/** The next subscriptions after {@code after} (by id), for a walk over all of them in batches. */
	public List<UUID> subscriptionsAfter(UUID after, int limit) {
		return jdbc.sql("""
				SELECT subscription_id FROM billing_subscription WHERE subscription_id > :after
				ORDER BY subscription_id LIMIT :limit""")
				.param("after", after).param("limit", limit).query(UUID.class).list();
	}

	public void insertResults(UUID run, List<Result> results) {
		if (results.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO shadow_billing_subscription (run_id, subscription_id, account_id, currency, current_amount,
				  proposed_amount)
				SELECT :run, * FROM unnest(CAST(:ids AS uuid[]), CAST(:accounts AS uuid[]), CAST(:currencies AS text[]),
				  CAST(:current AS numeric[]), CAST(:proposed AS numeric[]))""")
				.param("run", run)
				.param("ids", results.stream().map(r -> r.subscriptionId().toString()).toArray(String[]::new))
				.param("accounts", results.stream().map(r -> r.accountId().toString()).toArray(String[]::new))
				.param("currencies", results.stream().map(Result::currency).toArray(String[]::new))
				.param("current", results.stream().map(r -> r.current().toPlainString()).toArray(String[]::new))
				.param("proposed", results.stream().map(r -> r.proposed().toPlainString()).toArray(String[]::new))
				.update();
	}

	/** Sums the subscriptions' results per account and currency, and marks the run done. */
	public void finished(UUID id, int subscriptions, int unpriced, Instant at) {
		jdbc.sql("""
				INSERT INTO shadow_billing_account (run_id, account_id, currency, subscriptions, current_amount, proposed_amount)
				SELECT run_id, account_id, currency, count(*), sum(current_amount), sum(proposed_amount)
				FROM shadow_billing_subscription WHERE run_id = :id GROUP BY run_id, account_id, currency""")
				.param("id", id).update();
		jdbc.sql("DELETE FROM shadow_billing_subscription WHERE run_id = :id").param("id", id).update();
		jdbc.sql("""
				UPDATE shadow_billing_run SET status = 'DONE', finished_at = :at, subscriptions = :subscriptions,
				  unpriced = :unpriced WHERE id = :id""")
				.param("id", id).param("at", Timestamp.from(at)).param("subscriptions", subscriptions)
				.param("unpriced", unpriced).update();
	}

	public void failed(UUID id, String why, Instant at) {
		jdbc.sql("UPDATE shadow_billing_run SET status = 'FAILED', finished_at = :at, failure = :why WHERE id = :id")
				.param("id", id).param("at", Timestamp.from(at)).param("why", why).update();
	}

	public Optional<ShadowBillingRun> find(UUID id) {
		return jdbc.sql("SELECT * FROM shadow_billing_run WHERE id = :id").param("id", id)
				.query(ShadowBillingRepository::run).optional();
	}

	public List<ShadowBillingRun> latest(int limit) {
		return jdbc.sql("SELECT * FROM shadow_billing_run ORDER BY requested_at DESC, id LIMIT :limit")
				.param("limit", limit).query(ShadowBillingRepository::run).list();
	}

	public List<ShadowBillingRun.Total> totals(UUID id) {
		return jdbc.sql("""
				SELECT currency, count(*), sum(subscriptions), sum(current_amount), sum(proposed_amount)
				FROM shadow_billing_account WHERE run_id = :id GROUP BY currency ORDER BY currency""")
				.param("id", id)
				.query((rs, n) -> new ShadowBillingRun.Total(rs.getString(1).strip(), rs.getInt(2), rs.getInt(3),
						scaled(rs.getBigDecimal(4)), scaled(rs.getBigDecimal(5))))
				.list();
	}

	/** How many accounts fall in each bucket of change, in the buckets' order, empty ones included. */
	public List<ShadowBillingRun.Bucket> distribution(UUID id) {
		var counts = new java.util.HashMap<String, Integer>();
		jdbc.sql("SELECT " + BUCKETS + " AS bucket, count(*) FROM (SELECT *, CASE WHEN current_amount = 0 THEN 0 "
				+ "ELSE (proposed_amount - current_amount) * 100 / current_amount END AS pct FROM shadow_billing_account "
				+ "WHERE run_id = :id) a GROUP BY 1").param("id", id)
				.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
		return BUCKET_ORDER.stream().map(b -> new ShadowBillingRun.Bucket(b, counts.getOrDefault(b, 0))).toList();
	}

	/** The accounts whose period changes most, by the absolute change in their currency (without their names). */
	public List<ShadowBillingRun.Account> movers(UUID id, int limit) {
		return jdbc.sql("""
				SELECT * FROM shadow_billing_account
				WHERE run_id = :id ORDER BY abs(proposed_amount - current_amount) DESC, account_id LIMIT :limit""")
				.param("id", id).param("limit", limit).query(ShadowBillingRepository::account).list();
	}

	/**
	 * Every account's result (without its name), by account, streamed from a cursor in a read-only
	 * transaction the caller holds: memory stays flat however many there are.
	 */
	public void eachAccount(UUID id, Consumer<ShadowBillingRun.Account> each) {
		var streaming = new JdbcTemplate(template.getDataSource());
		streaming.setFetchSize(1000);
		streaming.query("SELECT * FROM shadow_billing_account WHERE run_id = ? ORDER BY account_id, currency",
				rs -> {
					each.accept(account(rs, 0));
				}, id);
	}

	private static ShadowBillingRun.Account account(ResultSet rs, int row) throws SQLException {
		return new ShadowBillingRun.Account(rs.getObject("account_id", UUID.class), null, null,
				rs.getString("currency").strip(), rs.getInt("subscriptions"), scaled(rs.getBigDecimal("current_amount")),
				scaled(rs.getBigDecimal("proposed_amount")));
	}

	private static ShadowBillingRun run(ResultSet rs, int row) throws SQLException {
		var started = rs.getTimestamp("started_at");
		var finished = rs.getTimestamp("finished_at");
		return new ShadowBillingRun(rs.getObject("id", UUID.class), rs.getObject("price_book_version_id", UUID.class),
				rs.getInt("price_book_version_number"), rs.getObject("on_day", LocalDate.class),
				ShadowBillingRun.Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), started == null ? null : started.toInstant(),
				finished == null ? null : finished.toInstant(), (Integer) rs.getObject("subscriptions"),
				(Integer) rs.getObject("unpriced"), rs.getString("failure"));
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
	}
}
