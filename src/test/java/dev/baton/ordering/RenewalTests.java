package dev.baton.ordering;

import static org.assertj.core.api.Assertions.assertThat;

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
