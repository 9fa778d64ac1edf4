package dev.baton.billing;

import static dev.baton.billing.BillingFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.baton.BatonIntegrationTest;
import dev.baton.ordering.ScheduledChanges;

/**
 * Proration modes through orders and the billing run: a reduction waits for the next billing
 * period, a change without proration is billed from the next period, an upgrade invoiced at once
 * is finalized when billing hears of it.
 */
@BatonIntegrationTest
class ProrationTests extends BillingStory {

	@Autowired
	ScheduledChanges scheduled;

	private String monthly(String account, int seats) {
		var id = billing.subscribe(account, "premium-saas-monthly", seats);
		billing.change(id, Map.of("type", "RENEW"), 1);
		run.run();
		return id;
	}

	@Test
	void aReductionOfSeatsTakesEffectWhenTheNextPeriodStartsWithNothingCredited() {
		var account = billing.newAccount();
		var start = billing.today();
		var id = monthly(account, 10);

		billing.on(start.plusDays(10));
		var order = billing.desk().post("/api/v1/orders", dev.baton.Http.json(Map.of("channel", "SALES", "actions",
				java.util.List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 6)))));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.json().path("scheduled").get(0).path("effectiveOn").asString())
				.isEqualTo(start.plusMonths(1).toString());
		assertThat(billing.desk().get("/api/v1/subscriptions/" + id).json().path("seats").asInt())
				.as("the seats paid for stay until the period ends").isEqualTo(10);
		var pending = billing.desk().get("/api/v1/subscriptions/" + id + "/scheduled-changes").json();
		assertThat(pending.get(0).path("status").asString()).isEqualTo("PENDING");
		assertThat(pending.get(0).path("action").path("proration").asString()).isEqualTo("NEXT_INVOICE");
		run.run();
		assertThat(billing.linesOf(id)).as("nothing to bill before the period ends").isEqualTo(1);

		billing.on(start.plusMonths(1));
		scheduled.placeDue();
		scheduled.placeDue();
		billing.awaitHeard(id, 2);
		run.run();

		assertThat(billing.desk().get("/api/v1/subscriptions/" + id).json().path("seats").asInt()).isEqualTo(6);
		assertThat(billing.desk().get("/api/v1/subscriptions/" + id + "/scheduled-changes").json().get(0)
				.path("status").asString()).isEqualTo("PLACED");
		assertThat(lines(billing.drafts(account))).as("10 seats for the first month, 6 from the second, no credit")
				.containsExactly("CHARGE 290.00", "CHARGE 174.00");
	}

	@Test
	void aLaterChangeOfSeatsDropsThePendingReduction() {
		var account = billing.newAccount();
		var id = monthly(account, 10);
		billing.change(id, Map.of("type", "CHANGE_SEATS", "seats", 6), 1);
		billing.change(id, Map.of("type", "CHANGE_SEATS", "seats", 12), 2);

		var changes = billing.desk().get("/api/v1/subscriptions/" + id + "/scheduled-changes").json();
		assertThat(changes.get(0).path("status").asString()).isEqualTo("DROPPED");
		assertThat(changes.get(0).path("outcome").asString()).startsWith("Superseded by order O-");
	}

	@Test
	void aSeatIncreaseWithoutProrationIsBilledFromTheNextPeriodOnly() {
		var account = billing.newAccount();
		var start = billing.today();
		var id = monthly(account, 5);

		billing.on(start.plusDays(10));
		billing.change(id, Map.of("type", "CHANGE_SEATS", "seats", 8, "proration", "NONE"), 2);
		run.run();
		assertThat(billing.linesOf(id)).as("no credit and no charge for the rest of the month").isEqualTo(1);

		billing.on(start.plusMonths(1));
		run.run();
		assertThat(lines(billing.drafts(account))).as("a draft a month").containsExactly("CHARGE 145.00", "CHARGE 232.00");
	}

	@Test
	void anUpgradeInvoicedAtOnceIsFinalizedWhenBillingHearsOfIt() {
		var account = billing.newAccount();
		var start = billing.today();
		billing.subscribe(account, "premium-saas-annual", 5);
		run.run();

		billing.on(start.plusDays(100));
		var id = billing.invoices(account).get(0).path("id").asString();
		var subscription = jdbc.sql("SELECT subscription_id FROM invoice_line WHERE invoice_id = :id")
				.param("id", UUID.fromString(id)).query(UUID.class).single().toString();
		billing.change(subscription, Map.of("type", "CHANGE_PLAN", "planCode", "ultimate-saas-annual", "proration",
				"INVOICE_NOW"), 1);

		await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(billing.invoices(account))
				.anySatisfy(i -> assertThat(i.path("status").asString()).isEqualTo("OPEN")));
		var invoice = billing.finance().get("/api/v1/invoices/" + billing.invoices(account).get(0).path("id").asString())
				.json();
		assertThat(invoice.path("number").asString()).startsWith("INV-");
		assertThat(lines(invoice)).hasSize(3).first().isEqualTo("CHARGE 1740.00");
		assertThat(lines(invoice).get(1)).startsWith("CREDIT -");
	}
}
