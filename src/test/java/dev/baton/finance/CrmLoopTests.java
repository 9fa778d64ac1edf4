package dev.baton.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.webhooks.WebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CRM loop: when an opportunity's subscription is sold or changed, the CRM receives the account's
 * subscription ARR, MRR and next renewal, in total and for the opportunity (crm.account-summary),
 * and the AE sees the same figures in Baton (the account's booked figures and the opportunity list).
 */
@BatonIntegrationTest
class CrmLoopTests {

	private static final WebhookReceiver CRM = WebhookReceiver.start();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@AfterAll
	static void stop() {
		CRM.close();
	}

	private Optional<JsonNode> latestSummary(String url, String accountId) {
		return CRM.received(url).stream().map(m -> JSON.readTree(m.body()).path("data"))
				.filter(d -> d.path("account").path("accountId").asString().equals(accountId))
				.max(Comparator.comparingInt(d -> d.path("revision").asInt()));
	}

	private String order(Map<String, Object> action) {
		var response = Http.to(port).as("deal-desk").post("/api/v1/orders",
				Http.json(Map.of("channel", "SALES", "actions", List.of(action))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("subscriptionIds").get(0).asString();
	}

	@Test
	void theCrmAndTheAeSeeTheSameArrAndRenewalForTheAccountAndTheOpportunity() {
		var url = CRM.newEndpoint();
		var registered = Http.to(port).as("admin").post("/api/v1/webhooks/endpoints", Http.json(Map.of("url", url,
				"eventTypes", List.of("crm.account-summary"))));
		assertThat(registered.status()).isEqualTo(201);
		var endpoint = registered.json().path("endpoint").path("id").asString();
		var deal = new DealFixtures(port).opportunity(Map.of());
		var account = deal.path("accountId").asString();
		var opportunity = deal.path("id").asString();

		// 5 seats of premium-saas-annual at USD 348.00 a year, then 8
		var subscription = order(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 5,
				"currency", "USD", "opportunityId", opportunity, "parties", Map.of("ownerAccountId", account)));
		await().atMost(Duration.ofSeconds(40)).until(() -> latestSummary(url, account)
				.filter(d -> d.path("arr").path(0).path("amount").asString().equals("1740.00")).isPresent());
		order(Map.of("type", "CHANGE_SEATS", "subscriptionId", subscription, "seats", 8));
		await().atMost(Duration.ofSeconds(40)).until(() -> latestSummary(url, account)
				.filter(d -> d.path("arr").path(0).path("amount").asString().equals("2784.00")).isPresent());

		var crm = latestSummary(url, account).orElseThrow();
		var schema = java.util.stream.StreamSupport.stream(Http.to(port).as("finance").get("/api/v1/webhooks/event-types")
				.json().spliterator(), false).filter(t -> t.path("type").asString().equals("crm.account-summary"))
				.findFirst().orElseThrow().path("schema").toString();
		assertThat(com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
				.getSchema(schema).validate(crm.toString(), com.networknt.schema.InputFormat.JSON))
				.as("crm.account-summary data against its schema").isEmpty();
		var termEnd = Http.to(port).as("finance").get("/api/v1/subscriptions/" + subscription).json().path("termEnd")
				.asString();
		assertThat(LocalDate.parse(termEnd)).isAfter(LocalDate.now(clock));
		var crmAccountId = Http.to(port).as("ae").get("/api/v1/accounts/" + account).json().path("externalId").asString();
		assertThat(crm.path("account").path("crmId").asString()).isEqualTo(crmAccountId);
		assertThat(crm.path("revision").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(crm.path("mrr").path(0).path("amount").asString()).isEqualTo("232.00");
		assertThat(crm.path("activeSubscriptions").asInt()).isEqualTo(1);
		assertThat(crm.path("nextRenewalOn").asString()).isEqualTo(termEnd);
		var crmOpportunity = crm.path("opportunities").get(0);
		assertThat(crmOpportunity.path("crmId").asString()).isEqualTo(deal.path("externalId").asString());
		assertThat(crmOpportunity.path("arr").path(0).path("amount").asString()).isEqualTo("2784.00");
		assertThat(crmOpportunity.path("nextRenewalOn").asString()).isEqualTo(termEnd);

		// Baton's own mirror, as the API and the AE's opportunity list show it
		var mirror = Http.to(port).as("ae").get("/api/v1/accounts/" + account + "/booked-figures").json();
		assertThat(mirror.path("revision").asInt()).isEqualTo(crm.path("revision").asInt());
		assertThat(mirror.path("nextRenewalOn").asString()).isEqualTo(termEnd);
		for (var line : mirror.path("lines")) {
			assertThat(line.path("arr").path("amount").decimalValue()).isEqualByComparingTo("2784.00");
			assertThat(line.path("nextRenewalOn").asString()).isEqualTo(termEnd);
		}
		assertThat(mirror.path("lines")).hasSize(2);
		var page = dev.baton.PageSession.as(port, "ae").get("/opportunities?segment=MM_FIRST_ORDER&page=0").body();
		var row = page.substring(page.indexOf(deal.path("name").asString()));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("USD 2,784.00").contains(termEnd);

		// the same figures again are not sent again: a suspended subscription is still contracted
		var sent = deliveries(endpoint);
		order(Map.of("type", "SUSPEND", "subscriptionId", subscription));
		await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
				"SELECT computed_version FROM finance_subscription WHERE subscription_id = :id")
				.param("id", java.util.UUID.fromString(subscription)).query(Integer.class).single() == 2);
		assertThat(deliveries(endpoint)).isEqualTo(sent);
		assertThat(Http.to(port).as("ae").get("/api/v1/accounts/" + account + "/booked-figures").json().path("revision")
				.asInt()).isEqualTo(crm.path("revision").asInt());
	}

	private int deliveries(String endpoint) {
		return Http.to(port).as("admin").get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries").json().size();
	}
}
