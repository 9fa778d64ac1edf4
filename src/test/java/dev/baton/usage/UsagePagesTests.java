package dev.baton.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import dev.baton.pipeline.Pipeline;

/**
 * The usage pages: the customer's portal shows each meter's daily use as a chart with its figures
 * as a table, this month against what is included and the packs, the projected charge, and buys a
 * pack; finance sees the same per account with the closed months, and every meter's watermark with
 * what arrived late.
 */
@BatonIntegrationTest
class UsagePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Pipeline pipeline;

	@Autowired
	UsagePeriods periods;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@Test
	void theCustomerSeesItsUsageAndBuysAPackAndFinanceSeesTheWatermark() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("SUM", "minutes", Map.of("unit", "minute", "chargeModel", "PER_UNIT", "unitPrice", "0.02",
				"includedUnits", 1000));
		var account = fixture.account();
		var subject = account.externalId();
		fixture.subscribe(account, setup.plan(), 4);
		var month = setup.month();
		fixture.on(month.plus(10, ChronoUnit.DAYS));
		fixture.send(setup, List.of(MeteredFixture.event(setup, "p-1", subject, month.plus(2, ChronoUnit.DAYS), 700),
				MeteredFixture.event(setup, "p-2", subject, month.plus(9, ChronoUnit.DAYS), 800)));

		var username = "usage-" + UUID.randomUUID().toString().substring(0, 8);
		var user = fixture.admin().post("/api/v1/users", Http.json(Map.of("username", username, "displayName", "Buyer",
				"email", username + "@customer.example", "roles", List.of("CUSTOMER"), "password", Http.DEMO_PASSWORD)));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		assertThat(fixture.admin().put("/api/v1/portal/members/" + username, Http.json(Map.of("accountId",
				account.id().toString()))).status()).isBetween(200, 204);

		var customer = PageSession.login(port, username);
		var page = customer.get("/portal/usage");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("<svg", "role=\"img\"", "The figures as a table", "Metered ")
				.contains("1,500.00 minutes used", "1,000.00 included this month")
				// 500 billable so far at USD 0.02; at this pace (10 of the month's days) three times as much
				.contains("USD 10.00").contains("Projected for the month").contains(setup.packPlan());
		var form = Map.of("_csrf", PageSession.csrf(page.body()), "clientKey", UUID.randomUUID().toString(), "planCode",
				setup.packPlan());
		var bought = customer.postForm("/portal/usage/packs", form);
		assertThat(bought.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(40)).until(() -> fixture.packs(subject).size() == 1);
		assertThat(customer.get("/portal/usage").body()).contains("Order ").contains("1,000.00");

		fixture.on(UsagePeriods.next(month).plus(2, ChronoUnit.DAYS));
		periods.closeDue(setup.meter());
		var finance = PageSession.login(port, "finance");
		var accountPage = finance.get("/usage/accounts/" + subject);
		assertThat(accountPage.status()).as(accountPage.body()).isEqualTo(200);
		assertThat(accountPage.body()).contains("Closed months", "1,500.00 minutes", month.toString().substring(0, 7));
		var watermarks = finance.get("/usage/periods");
		assertThat(watermarks.status()).isEqualTo(200);
		assertThat(watermarks.body()).contains(setup.meter()).contains("Closed through "
				+ UsagePeriods.next(month).toString().substring(0, 10));
		assertThat(PageSession.login(port, "customer").get("/usage/periods").status()).isEqualTo(403);
	}
}
