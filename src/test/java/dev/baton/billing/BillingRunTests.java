package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;

/**
 * The billing run with several at once, as with several instances: every due subscription is
 * invoiced, each line once; and invoices finalized at the same moment take consecutive numbers
 * without a gap.
 */
@BatonIntegrationTest
class BillingRunTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pipeline pipeline;

	@Autowired
	BillingRun run;

	@Autowired
	Invoices invoices;

	BillingFixture billing;

	@BeforeEach
	void fixture() {
		billing = new BillingFixture(port, clock, jdbc, pipeline);
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@Test
	void twoRunsAtOnceInvoiceEverySubscriptionDueAndEachLineOnce() throws Exception {
		var accounts = List.of(billing.newAccount(), billing.newAccount());
		var subscriptions = new ArrayList<String>();
		for (int i = 0; i < 8; i++) {
			var id = billing.subscribe(accounts.get(i % 2), i % 3 == 0 ? "premium-saas-monthly" : "premium-saas-annual",
					1 + i);
			if (i % 3 == 0) {
				billing.change(id, java.util.Map.of("type", "RENEW"), 1);
			}
			subscriptions.add(id);
		}
		// a month on, the monthly ones are due again
		billing.on(billing.today().plusMonths(1));

		var pool = Executors.newFixedThreadPool(3);
		try {
			var start = new CountDownLatch(1);
			var runs = new ArrayList<Future<BillingRun.Run>>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit((Callable<BillingRun.Run>) () -> {
					start.await();
					return run.run();
				}));
			}
			start.countDown();
			for (var each : runs) {
				assertThat(each.get().failed()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
		run.run();

		for (int i = 0; i < subscriptions.size(); i++) {
			assertThat(billing.linesOf(subscriptions.get(i))).as("subscription " + i + ": one line a period")
					.isEqualTo(i % 3 == 0 ? 2 : 1);
		}
		var duplicates = jdbc.sql("""
				SELECT count(*) FROM (SELECT subscription_id, rate_key, service_from FROM invoice_line
				GROUP BY subscription_id, rate_key, service_from HAVING count(*) > 1) d""").query(Integer.class).single();
		assertThat(duplicates).isZero();
		assertThat(billing.invoices(accounts.get(0))).as("one draft per invoice owner and currency").hasSize(1);
	}

	@Test
	void invoicesFinalizedAtOnceTakeConsecutiveNumbersWithoutAGap() throws Exception {
		var drafts = new ArrayList<InvoiceId>();
		for (int i = 0; i < 6; i++) {
			var account = billing.newAccount();
			billing.subscribe(account, "premium-saas-annual", 1);
			run.run();
			drafts.add(InvoiceId.of(billing.draft(account).path("id").asString()));
		}
		var pool = Executors.newFixedThreadPool(3);
		var numbers = new ArrayList<Integer>();
		try {
			var start = new CountDownLatch(1);
			var finalized = new ArrayList<Future<Invoice>>();
			for (var draft : drafts) {
				finalized.add(pool.submit(() -> {
					start.await();
					return invoices.finalizeDraft(draft, "test");
				}));
			}
			start.countDown();
			for (var each : finalized) {
				numbers.add(Integer.parseInt(each.get().number().substring(9)));
			}
		}
		finally {
			pool.shutdownNow();
		}
		numbers.sort(Integer::compare);
		for (int i = 1; i < numbers.size(); i++) {
			assertThat(numbers.get(i)).as("no gap and no repeat").isEqualTo(numbers.get(i - 1) + 1);
		}
	}
}
