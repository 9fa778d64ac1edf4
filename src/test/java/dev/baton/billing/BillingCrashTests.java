package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.baton.Http;
import dev.baton.platform.ProcessHarness;

/**
 * The billing run survives {@code kill -9}: Baton runs as a process of its own with many
 * subscriptions due, is killed while the billing run is invoicing them, and started again on the
 * same data; the run is taken up again (the scheduler's heartbeat, a documented setting shortened
 * here, tells the killed run from a live one) and every due subscription is invoiced exactly once.
 */
class BillingCrashTests {

	private static final int ORDERS = 8;
	// billed five to a transaction (the batch size set below): a run over this many takes seconds
	private static final int PER_ORDER = 50;

	@TempDir
	Path dataDirectory;

	@Test
	void everyDueSubscriptionIsInvoicedExactlyOnceAfterAKillDuringTheBillingRun() throws Exception {
		// the first start only takes the orders: its scheduler is off, so that they are all due when a run starts
		try (var baton = ProcessHarness.start(dataDirectory, List.of("--baton.demo.sample-requests=false",
				"--baton.scheduler.enabled=false"))) {
			var desk = Http.to(baton.port()).as("deal-desk");
			var accounts = desk.get("/api/v1/accounts").json();
			var subscriptions = new ArrayList<UUID>();
			for (int o = 0; o < ORDERS; o++) {
				var owner = accounts.get(o % accounts.size()).path("id").asString();
				var actions = new ArrayList<Map<String, Object>>();
				for (int s = 0; s < PER_ORDER; s++) {
					actions.add(Map.of("type", "CREATE_SUBSCRIPTION", "parties", Map.of("ownerAccountId", owner), "planCode",
							"premium-saas-monthly", "seats", 1 + s, "currency", "USD"));
				}
				var order = desk.post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", actions)));
				assertThat(order.status()).as(order.body()).isEqualTo(201);
				order.json().path("subscriptionIds").forEach(id -> subscriptions.add(UUID.fromString(id.asString())));
			}
			assertThat(subscriptions).hasSize(ORDERS * PER_ORDER);
			awaitUntil(Duration.ofSeconds(60), () -> count(baton,
					"SELECT count(*) FROM billing_subscription WHERE subscription_id = ANY (?)", subscriptions) == subscriptions.size(),
					"billing has heard of every subscription");
			baton.kill();

			// the second start runs the billing run at once, and is killed once it has invoiced some of them;
			// a run that was killed is given up after a few missed heartbeats (a documented setting)
			var settings = List.of("--baton.demo.sample-requests=false", "--baton.scheduler.polling-interval=1s",
					"--baton.scheduler.heartbeat-interval=1s", "--baton.billing.run-batch-size=5");
			baton.restart(settings);
			awaitUntil(Duration.ofSeconds(120), () -> invoiced(baton, subscriptions) > 0, "the billing run started");
			baton.kill();
			// the killed Baton's PostgreSQL is still up: what it had committed is there to count
			long atKill = invoiced(baton, subscriptions);
			assertThat(atKill).as("subscriptions invoiced when the run was killed").isPositive()
					.as("the kill came during the run").isLessThan(subscriptions.size());
			baton.restart(settings);

			// the killed run's execution is given up after its missed heartbeats, and the run starts again
			awaitUntil(Duration.ofSeconds(180), () -> invoiced(baton, subscriptions) == subscriptions.size(),
					"every subscription invoiced after the restart");
			try (var db = baton.database()) {
				var lines = db.prepareStatement("""
						SELECT count(*), count(DISTINCT subscription_id), max(n) FROM (
						  SELECT subscription_id, count(*) OVER (PARTITION BY subscription_id, rate_key, service_from) AS n
						  FROM invoice_line WHERE subscription_id = ANY (?)) l""");
				lines.setArray(1, db.createArrayOf("uuid", subscriptions.toArray()));
				var rows = lines.executeQuery();
				rows.next();
				assertThat(rows.getLong(1)).as("one line per subscription: its first month").isEqualTo(subscriptions.size());
				assertThat(rows.getLong(2)).isEqualTo(subscriptions.size());
				assertThat(rows.getLong(3)).as("no charge for the same period twice").isEqualTo(1);
			}
			assertThat(count(baton, """
					SELECT count(*) FROM billing_subscription WHERE subscription_id = ANY (?) AND next_bill_on <= CURRENT_DATE""",
					subscriptions)).as("subscriptions still due").isZero();
		}
	}

	private static long invoiced(ProcessHarness baton, List<UUID> subscriptions) throws Exception {
		return count(baton, "SELECT count(DISTINCT subscription_id) FROM invoice_line WHERE subscription_id = ANY (?)",
				subscriptions);
	}

	private static long count(ProcessHarness baton, String sql, List<UUID> subscriptions) throws Exception {
		try (Connection db = baton.database()) {
			var statement = db.prepareStatement(sql);
			statement.setArray(1, db.createArrayOf("uuid", subscriptions.toArray()));
			var rows = statement.executeQuery();
			rows.next();
			return rows.getLong(1);
		}
	}

	private interface Check {
		boolean holds() throws Exception;
	}

	private static void awaitUntil(Duration limit, Check check, String what) throws Exception {
		var deadline = System.nanoTime() + limit.toNanos();
		while (!check.holds()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + limit + ": " + what);
			}
			Thread.sleep(20);
		}
	}
}
