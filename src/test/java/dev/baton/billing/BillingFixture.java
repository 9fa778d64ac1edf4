package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * What the billing tests share: an account of their own (so its invoices hold their lines only),
 * orders through the API, waiting for billing to hear of a version, and reading invoices back.
 */
final class BillingFixture {

	private final int port;
	private final MutableClock clock;
	private final JdbcClient jdbc;
	private final Pipeline pipeline;

	BillingFixture(int port, MutableClock clock, JdbcClient jdbc, Pipeline pipeline) {
		this.port = port;
		this.clock = clock;
		this.jdbc = jdbc;
		this.pipeline = pipeline;
	}

	Http desk() {
		return Http.to(port).as("deal-desk");
	}

	Http finance() {
		return Http.to(port).as("finance");
	}

	String newAccount() {
		var external = "CRM-BILL-" + UUID.randomUUID().toString().substring(0, 8);
		return pipeline.addAccount(external, "Billing test " + external, "Software", "AMER", false).id().toString();
	}

	void on(LocalDate day) {
		clock.set(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** A new subscription of the account's; billing has heard of it when this returns. */
	String subscribe(String account, String plan, int seats) {
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(Map.of(
				"type", "CREATE_SUBSCRIPTION", "parties", Map.of("ownerAccountId", account), "planCode", plan, "seats",
				seats, "currency", "USD")))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var id = response.json().path("subscriptionIds").get(0).asString();
		awaitHeard(id, 0);
		return id;
	}

	/** Places one action on a subscription; billing has heard of the version it made when this returns. */
	JsonNode change(String subscription, Map<String, Object> action, int version) {
		var body = new java.util.HashMap<String, Object>(action);
		body.put("subscriptionId", subscription);
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(body))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		awaitHeard(subscription, version);
		return response.json();
	}

	void awaitHeard(String subscription, int version) {
		await().untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT known_version FROM billing_subscription WHERE subscription_id = :id")
				.param("id", UUID.fromString(subscription)).query(Integer.class).optional()).hasValueSatisfying(
						known -> assertThat(known).isGreaterThanOrEqualTo(version)));
	}

	List<JsonNode> invoices(String account) {
		var list = new ArrayList<JsonNode>();
		finance().get("/api/v1/invoices?accountId=" + account).json().forEach(list::add);
		return list;
	}

	/** The account's drafts (one per billing day), oldest first. */
	List<JsonNode> drafts(String account) {
		var ids = jdbc.sql("""
				SELECT id FROM invoice WHERE invoice_owner_account_id = CAST(:a AS uuid) AND status = 'DRAFT'
				ORDER BY billing_day, created_at""").param("a", account).query(UUID.class).list();
		return ids.stream().map(id -> finance().get("/api/v1/invoices/" + id).json()).toList();
	}

	/** The account's latest draft: the one of its latest billing day. */
	JsonNode draft(String account) {
		var drafts = drafts(account);
		if (drafts.isEmpty()) {
			throw new AssertionError("no draft for " + account);
		}
		return drafts.get(drafts.size() - 1);
	}

	/** The lines of several invoices, one after the other. */
	static List<String> lines(List<JsonNode> invoices) {
		return invoices.stream().flatMap(invoice -> lines(invoice).stream()).toList();
	}

	static List<String> lines(JsonNode invoice) {
		var lines = new ArrayList<String>();
		invoice.path("lines").forEach(l -> lines.add(l.path("kind").asString() + " " + amount(l.path("amount"))));
		return lines;
	}

	static String amount(JsonNode number) {
		return number.decimalValue().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
	}

	int linesOf(String subscription) {
		return jdbc.sql("SELECT count(*) FROM invoice_line WHERE subscription_id = :id")
				.param("id", UUID.fromString(subscription)).query(Integer.class).single();
	}
}
