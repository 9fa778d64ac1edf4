package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;
import dev.baton.usage.MeteredFixture;
import dev.baton.usage.UsagePeriodClosed;
import dev.baton.usage.UsagePeriods;

/**
 * Usage lines exactly once: the close's event heard again, and by several at once, writes each
 * line once (recompute and diff under the draft's lock, the unique key behind it); the invoice's
 * usage lines recompute from their stored inputs to the same lines and hash.
 */
@BatonIntegrationTest
class UsageBillingTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Pipeline pipeline;

	@Autowired
	UsagePeriods periods;

	@Autowired
	UsageBilling billing;

	@Autowired
	Invoices invoices;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@Test
	void aCloseHeardAgainAndAtOnceBillsEachUsageLineOnce() throws Exception {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("MAX", "runners", Map.of("unit", "runner", "chargeModel", "PACKAGE", "unitPrice", "40",
				"packageSize", 5, "includedUnits", 2));
		var account = fixture.account();
		var subject = account.externalId();
		var subscription = UUID.fromString(fixture.subscribe(account, setup.plan(), 3));
		var month = setup.month();
		fixture.on(month.plus(3, ChronoUnit.DAYS));
		fixture.send(setup, List.of(MeteredFixture.event(setup, "peak-1", subject, month.plus(1, ChronoUnit.DAYS), 9),
				MeteredFixture.event(setup, "peak-2", subject, month.plus(2, ChronoUnit.DAYS), 14)));
		fixture.on(UsagePeriods.next(month).plus(2, ChronoUnit.DAYS));
		periods.closeDue(setup.meter());
		var closed = new UsagePeriodClosed(setup.meter(), month, month, 1);

		var pool = Executors.newFixedThreadPool(3);
		try {
			var start = new CountDownLatch(1);
			var runs = new ArrayList<Future<?>>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit((Callable<Void>) () -> {
					start.await();
					billing.on(closed);
					return null;
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		billing.on(closed);
		await().atMost(Duration.ofSeconds(40)).until(() -> usageLines(subscription).size() == 1);

		var line = usageLines(subscription).get(0);
		// a peak of 14 runners, 2 included: 12 in packages of 5, 3 started, USD 120.00
		assertThat(line.get("amount").toString()).startsWith("120.00");
		assertThat(line.get("explanation").toString()).contains("14 runners used (2 events)",
				"12 billable: 3 packages of 5 x USD 40.00 = USD 120.00");
		var draft = InvoiceId.of((UUID) line.get("invoice_id"));
		var recomputed = invoices.recompute(draft);
		assertThat(recomputed.sameLines()).isTrue();
		assertThat(recomputed.recomputedHash()).isEqualTo(recomputed.storedHash());
	}

	@Test
	void usageIsTaxedAtTheInvoiceOwnersRateAndRecomputesWithIt() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("SUM", "builds", Map.of("unit", "build", "chargeModel", "PER_UNIT", "unitPrice", "2"));
		var account = fixture.account();
		var billTo = dev.baton.Http.to(port).as("finance").put("/api/v1/accounts/" + account.id() + "/bill-to",
				dev.baton.Http.json(Map.of("country", "DE")));
		assertThat(billTo.status()).as(billTo.body()).isEqualTo(200);
		var subscription = UUID.fromString(fixture.subscribe(account, setup.plan(), 1));
		var month = setup.month();
		fixture.on(month.plus(3, ChronoUnit.DAYS));
		fixture.send(setup, List.of(MeteredFixture.event(setup, "b-1", account.externalId(), month.plus(1, ChronoUnit.DAYS), 7)));
		fixture.on(UsagePeriods.next(month).plus(2, ChronoUnit.DAYS));
		periods.closeDue(setup.meter());
		billing.on(new UsagePeriodClosed(setup.meter(), month, month, 1));
		await().atMost(Duration.ofSeconds(40)).until(() -> usageLines(subscription).size() == 1);

		var line = jdbc.sql("SELECT invoice_id, amount, tax_name, tax_percent, tax_amount FROM invoice_line"
				+ " WHERE subscription_id = :id AND charge_type = 'USAGE'").param("id", subscription).query().singleRow();
		// 7 builds at USD 2.00 = USD 14.00; VAT 19% = USD 2.66
		assertThat(line.get("amount").toString()).startsWith("14.00");
		assertThat(line.get("tax_name")).isEqualTo("VAT");
		assertThat(line.get("tax_amount").toString()).startsWith("2.66");
		var recomputed = invoices.recompute(InvoiceId.of((UUID) line.get("invoice_id")));
		assertThat(recomputed.sameLines()).isTrue();
		assertThat(recomputed.recomputedHash()).isEqualTo(recomputed.storedHash());
	}

	private List<Map<String, Object>> usageLines(UUID subscription) {
		return jdbc.sql("SELECT invoice_id, amount, explanation FROM invoice_line WHERE subscription_id = :id"
				+ " AND charge_type = 'USAGE'").param("id", subscription).query().listOfRows();
	}
}
