package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.BatonIntegrationTest;
import dev.baton.ordering.Channel;
import dev.baton.ordering.Orders;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;

/**
 * The billing run with several at once, as with several instances: every due subscription is
 * invoiced, each line once; and invoices finalized at the same moment take consecutive numbers
 * without a gap.
 */
@BatonIntegrationTest
class BillingRunTests extends BillingStory {

	@Autowired
	Invoices invoices;

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate transactions;

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
		assertThat(billing.invoices(accounts.get(0)))
				.as("one draft per invoice owner, currency and billing day: the annual ones' first day, the monthly ones' month")
				.hasSize(2);
	}

	@Test
	void anOrderAndTheBillingRunOnOneAccountNeverInterleave() throws Exception {
		var account = billing.newAccount();
		var id = billing.subscribe(account, "premium-saas-monthly", 5);
		billing.change(id, java.util.Map.of("type", "RENEW"), 1);
		run.run();
		// the next month is due; an order adding seats from its first day is being placed
		billing.on(billing.today().plusMonths(1));
		var pool = Executors.newFixedThreadPool(2);
		try {
			var placing = new CountDownLatch(1);
			var commit = new CountDownLatch(1);
			var order = pool.submit(() -> transactions.execute(status -> {
				orders.place(new Orders.PlaceOrder(Channel.SALES, null,
						List.of(new SubscriptionChange.ChangeSeats(SubscriptionId.of(id), 8)), "more seats", "deal-desk", null));
				placing.countDown();
				hold(commit);
				return null;
			}));
			assertThat(placing.await(40, TimeUnit.SECONDS)).isTrue();
			var billingRun = pool.submit(() -> run.run());
			// the run waits for the account while the order is open: it does not bill the old contract meanwhile
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(40)).until(() -> !billingRun.isDone());
			commit.countDown();
			order.get(40, TimeUnit.SECONDS);
			assertThat(billingRun.get(40, TimeUnit.SECONDS).failed()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
		// the month was billed once, on the contract as the order left it: 8 seats, no 5-seat charge to credit
		var lines = billing.draft(account).path("lines");
		assertThat(lines).as("the second month's draft").hasSize(1);
		assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(8);
		assertThat(lines.get(0).path("kind").asString()).isEqualTo("CHARGE");
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(40, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
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
