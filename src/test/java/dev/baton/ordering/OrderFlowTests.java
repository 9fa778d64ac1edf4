package dev.baton.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import dev.baton.RecordedEvents;
import dev.baton.subscription.SubscriptionCancelled;
import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;
import dev.baton.subscription.SubscriptionRenewed;
import tools.jackson.databind.JsonNode;

/**
 * Orders through HTTP as deal desk places them, on the demo catalog and accounts: a sales order
 * creates a subscription, later orders add seats, add a product, upgrade, renew and cancel it, and
 * the timeline and the events tell each version; partner orders keep the reseller as invoice owner;
 * bad orders are refused whole.
 */
@BatonIntegrationTest
class OrderFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordedEvents events;

	@Autowired
	JdbcClient jdbc;

	private Http deskDesk() {
		return Http.to(port).as("deal-desk");
	}

	private String account(String externalId) {
		for (var account : Http.to(port).as("admin").get("/api/v1/accounts").json()) {
			if (account.path("externalId").asString().equals(externalId)) {
				return account.path("id").asString();
			}
		}
		throw new AssertionError("no account " + externalId);
	}

	private static Map<String, Object> create(String owner, String invoiceOwner, String plan, int seats, String currency) {
		var parties = new HashMap<String, Object>(Map.of("ownerAccountId", owner));
		if (invoiceOwner != null) {
			parties.put("invoiceOwnerAccountId", invoiceOwner);
		}
		return Map.of("type", "CREATE_SUBSCRIPTION", "parties", parties, "planCode", plan, "seats", seats,
				"currency", currency);
	}

	private Http.Response order(String channel, Object... actions) {
		return deskDesk().post("/api/v1/orders", Http.json(Map.of("channel", channel, "actions", List.of(actions))));
	}

	private JsonNode placed(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private JsonNode subscription(String id) {
		return deskDesk().get("/api/v1/subscriptions/" + id).json();
	}

	@Test
	void aSalesOrderCreatesASubscriptionThatLaterOrdersChangeVersionByVersion() {
		var acme = account("CRM-ACC-1001");
		var first = placed(order("SALES", create(acme, null, "premium-self-managed-annual", 10, "USD")));
		var id = first.path("subscriptionIds").get(0).asString();
		var created = subscription(id);
		assertThat(created.path("seats").asInt()).isEqualTo(10);
		assertThat(created.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(created.path("parties").path("invoiceOwnerAccountId").asString()).isEqualTo(acme);
		var today = LocalDate.now(clock);
		assertThat(created.path("termEnd").asString()).isEqualTo(today.plusMonths(12).toString());
		assertThat(created.path("priceBookVersionId").asString()).isNotBlank();

		placed(order("SALES", Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 15)));
		placed(order("SALES", Map.of("type", "ADD_PRODUCT", "subscriptionId", id, "planCode", "ai-assistant-annual",
				"quantity", 5)));
		placed(order("SALES", Map.of("type", "CHANGE_PLAN", "subscriptionId", id, "planCode", "ultimate-self-managed-annual")));
		placed(order("SALES", Map.of("type", "RENEW", "subscriptionId", id)));
		var cancel = placed(order("SALES", Map.of("type", "CANCEL", "subscriptionId", id, "when", "AT_TERM_END")));

		var now = subscription(id);
		assertThat(now.path("seats").asInt()).isEqualTo(15);
		assertThat(now.path("planCode").asString()).isEqualTo("ultimate-self-managed-annual");
		assertThat(now.path("addOns").path("ai-assistant-annual").asInt()).isEqualTo(5);
		assertThat(now.path("termStart").asString()).as("renewed from the end of the first term")
				.isEqualTo(today.plusMonths(12).toString());
		assertThat(now.path("cancelsOn").asString()).isEqualTo(today.plusMonths(24).toString());
		assertThat(now.path("autoRenew").asBoolean()).isFalse();
		assertThat(now.path("version").asInt()).isEqualTo(5);

		var timeline = deskDesk().get("/api/v1/subscriptions/" + id + "/timeline").json();
		var actions = new ArrayList<String>();
		timeline.forEach(entry -> actions.add(entry.path("action").asString()));
		assertThat(actions).containsExactly("CREATE_SUBSCRIPTION", "CHANGE_SEATS", "ADD_PRODUCT", "CHANGE_PLAN", "RENEW",
				"CANCEL");
		assertThat(timeline.get(0).path("orderNumber").asString()).isEqualTo(first.path("number").asString());
		assertThat(timeline.get(5).path("orderNumber").asString()).isEqualTo(cancel.path("number").asString());
		assertThat(timeline.get(1).path("subscription").path("seats").asInt()).isEqualTo(15);
		assertThat(timeline.get(0).path("subscription").path("seats").asInt()).as("earlier versions are kept").isEqualTo(10);
		assertThat(timeline.get(5).path("actor").asString()).isEqualTo("deal-desk");
		assertThat(deskDesk().get("/api/v1/orders?subscriptionId=" + id).json()).hasSize(6);

		var mine = events.committed().stream().filter(e -> id.equals(subscriptionOf(e)))
				.map(e -> e.getClass().getSimpleName()).toList();
		assertThat(mine).containsExactly("SubscriptionCreated", "SubscriptionChanged", "SubscriptionChanged",
				"SubscriptionChanged", "SubscriptionChanged", "SubscriptionRenewed", "SubscriptionChanged",
				"SubscriptionCancelled");

		var renewAgain = order("SALES", Map.of("type", "RENEW", "subscriptionId", id));
		ProblemAssertions.assertProblem(renewAgain, 422, "subscription-rule");
		assertThat(renewAgain.json().path("violations").get(0).path("rule").asString()).isEqualTo("subscription.state");
		var cancelNow = placed(order("SALES", Map.of("type", "CANCEL", "subscriptionId", id, "when", "NOW")));
		assertThat(cancelNow.path("number").asString()).startsWith("O-");
		assertThat(subscription(id).path("status").asString()).isEqualTo("CANCELLED");
		var seatsOnCancelled = order("SALES", Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 20));
		assertThat(seatsOnCancelled.json().path("detail").asString()).contains("cancelled");
	}

	private static String subscriptionOf(Object event) {
		if (event instanceof SubscriptionCreated created) {
			return created.subscription().id().toString();
		}
		if (event instanceof SubscriptionChanged changed) {
			return changed.after().id().toString();
		}
		if (event instanceof SubscriptionRenewed renewed) {
			return renewed.subscription().id().toString();
		}
		if (event instanceof SubscriptionCancelled cancelled) {
			return cancelled.subscription().id().toString();
		}
		return null;
	}

	@Test
	void aPartnerOrderIsInvoicedToTheResellerAndOwnedByTheEndCustomer() {
		var endCustomer = account("CRM-ACC-1003");
		var reseller = account("CRM-ACC-1007");
		var placed = placed(order("PARTNER", create(endCustomer, reseller, "premium-saas-annual", 25, "USD")));
		var subscription = subscription(placed.path("subscriptionIds").get(0).asString());
		assertThat(subscription.path("parties").path("ownerAccountId").asString()).isEqualTo(endCustomer);
		assertThat(subscription.path("parties").path("invoiceOwnerAccountId").asString()).isEqualTo(reseller);
		assertThat(deskDesk().get("/api/v1/subscriptions?accountId=" + reseller).json().toString())
				.contains(subscription.path("id").asString());

		var noReseller = order("PARTNER", create(endCustomer, null, "premium-saas-annual", 25, "USD"));
		ProblemAssertions.assertProblem(noReseller, 422, "order-rule");
		assertThat(noReseller.json().path("violations").get(0).path("rule").asString()).isEqualTo("order.channel-parties");
		var resoldAsDirect = order("SALES", create(endCustomer, reseller, "premium-saas-annual", 25, "USD"));
		assertThat(resoldAsDirect.json().path("violations").get(0).path("rule").asString())
				.isEqualTo("order.channel-parties");
	}

	@Test
	void badOrdersAreRefusedNamingWhatIsWrongAndNothingIsHalfWritten() {
		var acme = account("CRM-ACC-1001");
		var before = deskDesk().get("/api/v1/subscriptions?accountId=" + acme).json().size();
		var orders = jdbc.sql("SELECT count(*) FROM purchase_order").query(Long.class).single();

		ProblemAssertions.assertProblem(order("SALES", create(acme, null, "no-such-plan", 5, "USD")), 404, "not-found");
		var negative = order("SALES", create(acme, null, "premium-saas-annual", -3, "USD"));
		ProblemAssertions.assertProblem(negative, 422, "subscription-rule");
		assertThat(negative.json().path("violations").get(0).path("rule").asString()).isEqualTo("subscription.seats");
		assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("actions[0].seats");
		var yen = order("SALES", create(acme, null, "premium-saas-annual", 5, "JPY"));
		ProblemAssertions.assertProblem(yen, 422, "catalog-no-price");
		assertThat(yen.json().path("detail").asString()).contains("JPY", "premium-saas-annual");
		ProblemAssertions.assertProblem(order("SALES", create(acme, null, "ai-assistant-annual", 5, "USD")), 422,
				"subscription-rule");
		ProblemAssertions.assertProblem(order("SALES"), 422, "order-rule");
		ProblemAssertions.assertProblem(deskDesk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES",
				"actions", List.of(Map.of("type", "EXPLODE"))))), 400, "malformed-body");

		// the first action is fine, the second is not: the order is refused whole
		var id = placed(order("SALES", create(acme, null, "premium-saas-annual", 5, "USD"))).path("subscriptionIds").get(0)
				.asString();
		var both = order("SALES", create(acme, null, "premium-saas-annual", 5, "USD"),
				Map.of("type", "RESUME", "subscriptionId", id));
		ProblemAssertions.assertProblem(both, 422, "subscription-rule");
		assertThat(both.json().path("actionIndex").asInt()).isEqualTo(1);
		assertThat(deskDesk().get("/api/v1/subscriptions?accountId=" + acme).json()).hasSize(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM purchase_order").query(Long.class).single()).isEqualTo(orders + 1);

		ProblemAssertions.assertProblem(Http.to(port).as("ae").post("/api/v1/orders", Http.json(Map.of("channel", "SALES",
				"actions", List.of(create(acme, null, "premium-saas-annual", 5, "USD"))))), 403, "forbidden");
		ProblemAssertions.assertProblem(deskDesk().get("/api/v1/subscriptions/" + UUID.randomUUID()), 404, "not-found");
	}

	@Test
	void anOrderRepeatedWithItsIdempotencyKeyIsPlacedOnce() {
		var acme = account("CRM-ACC-1001");
		var key = "order-" + UUID.randomUUID();
		var body = Http.json(Map.of("channel", "SALES", "actions", List.of(create(acme, null, "premium-saas-annual", 7, "USD"))));
		var first = deskDesk().header("Idempotency-Key", key).post("/api/v1/orders", body);
		var again = deskDesk().header("Idempotency-Key", key).post("/api/v1/orders", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM purchase_order WHERE client_key = :key").param("key", key)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void concurrentOrdersOnOneSubscriptionNeverLoseAChange() throws Exception {
		var acme = account("CRM-ACC-1001");
		var id = placed(order("SALES", create(acme, null, "premium-saas-annual", 5, "USD"))).path("subscriptionIds").get(0)
				.asString();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(6);
		try {
			var answers = new ArrayList<Future<Http.Response>>();
			for (int i = 0; i < 6; i++) {
				var seats = 10 + i;
				Callable<Http.Response> change = () -> {
					start.await();
					// now, also when fewer than the last order's: a reduction would otherwise wait for the period end
					return order("SALES", Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", seats, "effective", "NOW"));
				};
				answers.add(pool.submit(change));
			}
			start.countDown();
			int won = 0;
			for (var answer : answers) {
				var response = answer.get();
				assertThat(response.status()).as(response.body()).isIn(201, 409);
				if (response.status() == 409) {
					assertThat(response.json().path("type").asString()).endsWith("/subscription-changed-concurrently");
				}
				else {
					won++;
				}
			}
			var timeline = deskDesk().get("/api/v1/subscriptions/" + id + "/timeline").json();
			assertThat(timeline.size() - 1).as("one version per order that won").isEqualTo(won);
			assertThat(subscription(id).path("seats").asInt()).as("the last version is the subscription")
					.isEqualTo(timeline.get(timeline.size() - 1).path("subscription").path("seats").asInt());
		}
		finally {
			pool.shutdownNow();
		}
	}
}
