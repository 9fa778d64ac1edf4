package dev.baton.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * The renewal job, driven by moving the clock: a lead time before the term ends it renews
 * auto-renewing subscriptions, once however often it runs and on however many instances, and it
 * closes those that were set to cancel when their term ends.
 */
@BatonIntegrationTest
class RenewalTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Renewals renewals;

	@Autowired
	dev.baton.subscription.Subscriptions subscriptions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http desk() {
		return Http.to(port).as("deal-desk");
	}

	private String account() {
		for (var account : Http.to(port).as("admin").get("/api/v1/accounts").json()) {
			if (account.path("externalId").asString().equals("CRM-ACC-1005")) {
				return account.path("id").asString();
			}
		}
		throw new AssertionError("no demo account CRM-ACC-1005");
	}

	private String subscribe() {
		var acme = account();
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(Map.of(
				"type", "CREATE_SUBSCRIPTION", "parties", Map.of("ownerAccountId", acme), "planCode",
				"premium-saas-annual", "seats", 3, "currency", "USD")))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("subscriptionIds").get(0).asString();
	}

	private JsonNode timeline(String id) {
		return desk().get("/api/v1/subscriptions/" + id + "/timeline").json();
	}

	private List<String> actions(String id) {
		var actions = new ArrayList<String>();
		timeline(id).forEach(e -> actions.add(e.path("action").asString()));
		return actions;
	}

	private void on(LocalDate day) {
		clock.set(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
	}

	@Test
	void renewsOnceWithinTheLeadTimeHoweverOftenAndWhereverItRuns() throws Exception {
		var id = subscribe();
		var termEnd = LocalDate.parse(desk().get("/api/v1/subscriptions/" + id).json().path("termEnd").asString());

		on(termEnd.minusDays(31));
		renewals.run();
		assertThat(actions(id)).as("not yet within 30 days").containsExactly("CREATE_SUBSCRIPTION");

		on(termEnd.minusDays(30));
		var pool = Executors.newFixedThreadPool(3);
		try {
			var runs = new ArrayList<java.util.concurrent.Future<Renewals.Run>>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit((Callable<Renewals.Run>) renewals::run));
			}
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		renewals.run();
		assertThat(actions(id)).containsExactly("CREATE_SUBSCRIPTION", "RENEW");
		var renewal = timeline(id).get(1);
		assertThat(renewal.path("actor").asString()).isEqualTo("system");
		assertThat(renewal.path("effectiveOn").asString()).isEqualTo(termEnd.toString());
		assertThat(renewal.path("subscription").path("termEnd").asString()).isEqualTo(termEnd.plusMonths(12).toString());
	}

	@Test
	void theOwnerAeHearsOfTheRenewalAndOfARenewalTheJobCouldNotPlace() {
		var deal = new dev.baton.DealFixtures(port).opportunity(Map.of());
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "opportunityId",
				deal.path("id").asString(), "actions", List.of(Map.of("type", "CREATE_SUBSCRIPTION", "opportunityId",
						deal.path("id").asString(), "parties", Map.of("ownerAccountId", deal.path("accountId").asString()),
						"planCode", "premium-saas-annual", "seats", 3, "currency", "USD")))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var id = response.json().path("subscriptionIds").get(0).asString();
		var subscription = desk().get("/api/v1/subscriptions/" + id).json();
		var number = subscription.path("number").asString();
		on(LocalDate.parse(subscription.path("termEnd").asString()).minusDays(30));
		renewals.run();

		var ae = Http.to(port).as("ae");
		await().untilAsserted(() -> assertThat(ae.get("/api/v1/me/notifications?size=200").body())
				.contains("Renewed: " + number + " of Governed ").contains("renews for another term"));
		assertThat(Http.to(port).as("sa").get("/api/v1/me/notifications?size=200").body()).doesNotContain(number);

		// the job could not renew it (say the price book lost its price): the AE hears why, once
		var renewed = subscriptions.subscription(dev.baton.subscription.SubscriptionId.of(id));
		for (int i = 0; i < 2; i++) {
			transactions.executeWithoutResult(status -> events.publishEvent(
					new RenewalRefused(renewed, "Plan premium-saas-annual has no USD price in price book version 9.")));
		}
		await().untilAsserted(() -> assertThat(ae.get("/api/v1/me/notifications?size=200").body())
				.contains("Not renewed: " + number).contains("has no USD price"));
		var notices = ae.get("/api/v1/me/notifications?size=200").body().split("Not renewed: " + number, -1).length - 1;
		assertThat(notices).as("once per subscription, term and reason").isEqualTo(1);
	}

	@Test
	void aMonthlyTermRenewsInItsLastQuarterOnly() {
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(Map.of(
				"type", "CREATE_SUBSCRIPTION", "parties", Map.of("ownerAccountId", account()), "planCode",
				"premium-saas-monthly", "seats", 3, "currency", "USD")))));
		var id = response.json().path("subscriptionIds").get(0).asString();
		var termEnd = LocalDate.parse(desk().get("/api/v1/subscriptions/" + id).json().path("termEnd").asString());
		var quarter = java.time.temporal.ChronoUnit.DAYS.between(termEnd.minusMonths(1), termEnd) / 4;

		on(termEnd.minusDays(quarter + 1));
		renewals.run();
		assertThat(actions(id)).containsExactly("CREATE_SUBSCRIPTION");
		on(termEnd.minusDays(quarter));
		renewals.run();
		assertThat(actions(id)).containsExactly("CREATE_SUBSCRIPTION", "RENEW");
	}

	@Test
	void closesASubscriptionSetToCancelWhenItsTermEnds() {
		var id = subscribe();
		var cancel = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CANCEL", "subscriptionId", id)))));
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(201);
		var termEnd = LocalDate.parse(desk().get("/api/v1/subscriptions/" + id).json().path("termEnd").asString());

		on(termEnd.minusDays(1));
		renewals.run();
		assertThat(desk().get("/api/v1/subscriptions/" + id).json().path("status").asString()).isEqualTo("ACTIVE");

		on(termEnd);
		renewals.run();
		renewals.run();
		assertThat(actions(id)).containsExactly("CREATE_SUBSCRIPTION", "CANCEL", "CANCEL");
		assertThat(desk().get("/api/v1/subscriptions/" + id).json().path("status").asString()).isEqualTo("CANCELLED");
	}
}
