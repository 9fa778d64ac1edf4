package dev.baton.billing;

import static dev.baton.billing.BillingFixture.amount;
import static dev.baton.billing.BillingFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The cost of a draft order by the billing engine over the timeline it would make, before anyone
 * commits: what it adds now and what the next period costs; what the run then bills is what the
 * preview said, and the preview writes nothing.
 */
@BatonIntegrationTest
class OrderPreviewTests extends BillingStory {

	private JsonNode preview(Map<String, Object> action) {
		var response = billing.desk().post("/api/v1/orders/preview",
				Http.json(Map.of("channel", "SALES", "actions", List.of(action))));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> amounts(JsonNode cost) {
		var amounts = new java.util.ArrayList<String>();
		cost.path("lines").forEach(l -> amounts.add(l.path("kind").asString() + " " + amount(l.path("amount"))));
		return amounts;
	}

	@Test
	void anUpgradeIsPreviewedAsTheRunThenBillsItAndThePreviewWritesNothing() {
		var account = billing.newAccount();
		var start = billing.today();
		var id = billing.subscribe(account, "premium-saas-annual", 5);
		run.run();
		billing.on(start.plusDays(100));

		var preview = preview(Map.of("type", "CHANGE_PLAN", "subscriptionId", id, "planCode", "ultimate-saas-annual"));
		var cost = preview.path("subscriptions").get(0);
		assertThat(amounts(cost.path("now"))).hasSize(2).first().asString().startsWith("CREDIT -");
		assertThat(cost.path("renews").asBoolean()).as("an annual term: the next period is the renewal").isTrue();
		assertThat(cost.path("nextPeriodStart").asString()).isEqualTo(start.plusMonths(12).toString());
		assertThat(amount(cost.path("next").path("total"))).as("5 seats of Ultimate at renewal").isEqualTo("5940.00");
		assertThat(preview.path("scheduled")).isEmpty();
		assertThat(billing.desk().get("/api/v1/subscriptions/" + id).json().path("version").asInt()).isZero();
		run.run();
		assertThat(billing.linesOf(id)).as("nothing billed for a preview").isEqualTo(1);

		billing.change(id, Map.of("type", "CHANGE_PLAN", "planCode", "ultimate-saas-annual"), 1);
		run.run();
		assertThat(lines(billing.draft(account)).subList(1, 3)).as("what the run bills is what the preview said")
				.isEqualTo(amounts(cost.path("now")));
	}

	@Test
	void aNewSubscriptionCostsItsFirstPeriodNowAndAReductionWaitsForTheNextPeriod() {
		var account = billing.newAccount();
		var created = preview(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-monthly", "seats", 10,
				"currency", "USD", "parties", Map.of("ownerAccountId", account)));
		assertThat(created.path("dueNow").path("USD").decimalValue()).isEqualByComparingTo("290.00");
		assertThat(created.path("subscriptions").get(0).path("subscriptionId").isNull()).isTrue();
		assertThat(billing.invoices(account)).isEmpty();

		var id = billing.subscribe(account, "premium-saas-monthly", 10);
		billing.change(id, Map.of("type", "RENEW"), 1);
		run.run();
		var reduction = preview(Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 6));
		assertThat(reduction.path("scheduled").get(0).path("effectiveOn").asString())
				.isEqualTo(billing.today().plusMonths(1).toString());
		assertThat(reduction.path("dueNow").path("USD").decimalValue()).isEqualByComparingTo("0");
		assertThat(reduction.path("nextPeriod").path("USD").decimalValue()).as("6 seats from the next period")
				.isEqualByComparingTo("174.00");

		var refused = billing.desk().post("/api/v1/orders/preview", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 0)))));
		ProblemAssertions.assertProblem(refused, 422, "subscription-rule");
		assertThat(refused.json().path("actionIndex").asInt()).isZero();
	}

	@Test
	void theCustomerSeesWhatAChangeOfSeatsCostsBeforePlacingIt() {
		var acme = pipeline.accountByExternalId("CRM-ACC-1001").orElseThrow().id().toString();
		var id = billing.subscribe(acme, "premium-saas-annual", 5);
		run.run();

		var api = Http.to(port).as("customer").post("/api/v1/portal/orders/preview", Http.json(Map.of("actions",
				List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 7)))));
		assertThat(api.status()).as(api.body()).isEqualTo(200);
		assertThat(api.json().path("dueNow").path("USD").decimalValue()).as("2 more seats for the whole year")
				.isEqualByComparingTo("696.00");
		var page = PageSession.as(port, "customer").get("/portal/subscriptions/" + id + "/cost?action=seats&seats=7");
		assertThat(page.body()).contains("Due now: USD 696.00").contains("At renewal on");
		assertThat(PageSession.as(port, "customer").get("/portal/subscriptions/" + id + "/cost?action=seats&seats=3").body())
				.contains("Takes effect on");
	}
}
