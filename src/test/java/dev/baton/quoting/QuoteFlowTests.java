package dev.baton.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Sales-assisted quotes through HTTP: the AE quotes an opportunity from the demo price book, deal
 * desk and finance approve discounts above their thresholds (10% and 25%), the customer's
 * acceptance is recorded, and the accepted quote becomes an order, by hand or when the
 * opportunity is closed won.
 */
@BatonIntegrationTest
class QuoteFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	/** A fresh opportunity of Alex Morgan's, through the CRM upsert, in the given stage. */
	private String opportunity(String externalId, String stage) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "Quote test " + externalId);
		body.put("account", Map.of("externalId", "ACC-" + externalId, "name", "Quote Co " + externalId, "industry",
				"Software", "regionKey", "AMER", "named", false));
		body.put("ownerEmail", "alex.morgan@baton.example");
		body.put("segment", "Mid-Market First Order");
		body.put("businessUnit", "Commercial");
		body.put("regionKey", "AMER");
		body.put("stage", stage);
		body.put("netArr", Map.of("amount", 30000, "currency", "USD"));
		body.put("closeDate", LocalDate.now(clock).plusDays(30).toString());
		body.put("subscriptionType", "Self-Managed");
		var response = as("admin").put("/api/v1/opportunities/" + externalId, Http.json(body));
		assertThat(response.status()).as(response.body()).isIn(200, 201);
		return response.json().path("id").asString();
	}

	private static Map<String, Object> line(String plan, int quantity, String discount) {
		return Map.of("planCode", plan, "quantity", quantity, "discountPercent", discount);
	}

	private JsonNode prepare(String user, String opportunity, Object... lines) {
		var response = as(user).post("/api/v1/quotes", Http.json(Map.of("opportunityId", opportunity, "currency", "USD",
				"lines", List.of(lines))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private JsonNode step(String user, JsonNode quote, String step, String body) {
		var response = as(user).post("/api/v1/quotes/" + quote.path("id").asString() + "/" + step, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> rules(Http.Response refused) {
		var rules = new ArrayList<String>();
		refused.json().path("violations").forEach(v -> rules.add(v.path("rule").asString()));
		return rules;
	}

	@Test
	void anAcceptedQuoteWithADealDeskApprovedDiscountBecomesTheSubscriptionItPriced() {
		var opportunity = opportunity("Q-" + UUID.randomUUID(), "5-Negotiating");
		var quote = prepare("ae", opportunity, line("ultimate-self-managed-annual", 20, "15"),
				line("ai-assistant-annual", 20, "0"));
		assertThat(quote.path("status").asString()).isEqualTo("DRAFT");
		assertThat(quote.path("lines").get(0).path("listAmount").path("amount").decimalValue()).isEqualByComparingTo("23760.00");
		assertThat(quote.path("lines").get(0).path("netAmount").path("amount").decimalValue()).isEqualByComparingTo("20196.00");
		assertThat(quote.path("approvalsNeeded").toString()).isEqualTo("[\"DEAL_DESK\"]");

		var submitted = step("ae", quote, "submission", "");
		assertThat(submitted.path("status").asString()).isEqualTo("PENDING_APPROVAL");
		var early = as("ae").post("/api/v1/quotes/" + quote.path("id").asString() + "/acceptance", "");
		ProblemAssertions.assertProblem(early, 422, "quote-rule");
		assertThat(rules(early)).contains("quote.discount.deal-desk-approval");
		ProblemAssertions.assertProblem(as("finance").post("/api/v1/quotes/" + quote.path("id").asString() + "/approvals",
				"{\"role\": \"DEAL_DESK\"}"), 403, "forbidden");

		assertThat(step("deal-desk", quote, "approvals", "{\"role\": \"DEAL_DESK\"}").path("status").asString())
				.isEqualTo("APPROVED");
		assertThat(step("ae", quote, "acceptance", "").path("status").asString()).isEqualTo("ACCEPTED");
		var ordered = step("deal-desk", quote, "order", "");
		assertThat(ordered.path("status").asString()).isEqualTo("ORDERED");
		var again = step("deal-desk", quote, "order", "");
		assertThat(again.path("orderId").asString()).isEqualTo(ordered.path("orderId").asString());

		var order = as("deal-desk").get("/api/v1/orders/" + ordered.path("orderId").asString()).json();
		var subscription = as("deal-desk").get("/api/v1/subscriptions/" + order.path("subscriptionIds").get(0).asString())
				.json();
		assertThat(subscription.path("planCode").asString()).isEqualTo("ultimate-self-managed-annual");
		assertThat(subscription.path("seats").asInt()).isEqualTo(20);
		assertThat(subscription.path("addOns").path("ai-assistant-annual").asInt()).isEqualTo(20);
		assertThat(subscription.path("discounts").path("ultimate-self-managed-annual").decimalValue())
				.isEqualByComparingTo("15");
		assertThat(subscription.path("opportunityId").asString()).isEqualTo(opportunity);
	}

	@Test
	void theCustomersCopyIsAPrintablePageAndAPdf() {
		var opportunity = opportunity("Q-" + UUID.randomUUID(), "5-Negotiating");
		var quote = prepare("ae", opportunity, line("ultimate-self-managed-annual", 20, "15"),
				line("ai-assistant-annual", 20, "0"));
		var id = quote.path("id").asString();

		var page = dev.baton.PageSession.as(port, "ae").get("/quotes/" + id + "/print");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(quote.path("number").asString(), "Ultimate (Self-Managed)", "USD 20,196.00",
				"15%", "USD 24,756.00");
		var german = dev.baton.PageSession.login(port, "ae").header("Accept-Language", "de").get("/quotes/" + id + "/print");
		assertThat(german.body()).contains("lang=\"de\"", "Gültig bis", "Listenpreis", "Steuern sind nicht enthalten")
				.doesNotContain("Valid until");
		var pdf = as("deal-desk").get("/api/v1/quotes/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		ProblemAssertions.assertProblem(as("customer").get("/api/v1/quotes/" + id + "/pdf"), 403, "forbidden");

		// the quote's page says what the order would cost, by the billing engine: the first year, then the renewal
		var cost = dev.baton.PageSession.as(port, "ae").get("/quotes/" + id + "/cost").body();
		assertThat(cost).contains("Ordered today, the first invoice is USD 24,756.00").contains("At renewal on");
	}

	@Test
	void aDiscountAboveTheFinanceThresholdNeedsBothApprovalsAndNeverTheQuotersOwn() {
		var opportunity = opportunity("Q-" + UUID.randomUUID(), "5-Negotiating");
		var quote = prepare("deal-desk", opportunity, line("premium-saas-annual", 50, "30"));
		assertThat(quote.path("approvalsNeeded").toString()).isEqualTo("[\"DEAL_DESK\",\"FINANCE\"]");
		step("deal-desk", quote, "submission", "");

		var own = as("deal-desk").post("/api/v1/quotes/" + quote.path("id").asString() + "/approvals", "{\"role\": \"DEAL_DESK\"}");
		ProblemAssertions.assertProblem(own, 422, "quote-rule");
		assertThat(rules(own)).containsExactly("quote.approver");
		assertThat(step("finance", quote, "approvals", "{\"role\": \"FINANCE\"}").path("status").asString())
				.as("deal desk's approval is still missing").isEqualTo("PENDING_APPROVAL");

		var tooMuch = as("ae").post("/api/v1/quotes", Http.json(Map.of("opportunityId", opportunity, "currency", "USD",
				"lines", List.of(line("premium-saas-annual", 5, "61")))));
		ProblemAssertions.assertProblem(tooMuch, 422, "quote-rule");
		assertThat(rules(tooMuch)).containsExactly("quote.discount.maximum");
		var addOnFirst = as("ae").post("/api/v1/quotes", Http.json(Map.of("opportunityId", opportunity, "currency", "USD",
				"lines", List.of(line("ai-assistant-annual", 5, "0")))));
		assertThat(rules(addOnFirst)).containsExactly("quote.lines");
		ProblemAssertions.assertProblem(as("ae").post("/api/v1/quotes", Http.json(Map.of("opportunityId", opportunity,
				"currency", "JPY", "lines", List.of(line("premium-saas-annual", 5, "0"))))), 422, "catalog-no-price");
	}

	@Test
	void anExpiredQuoteIsNotAcceptedAndARevisionSupersedesIt() {
		var opportunity = opportunity("Q-" + UUID.randomUUID(), "5-Negotiating");
		var response = as("ae").post("/api/v1/quotes", Http.json(Map.of("opportunityId", opportunity, "currency", "USD",
				"lines", List.of(line("premium-saas-annual", 10, "5")), "expiresOn",
				LocalDate.now(clock).plusDays(1).toString())));
		var quote = response.json();
		step("ae", quote, "submission", "");
		clock.advance(Duration.ofDays(2));

		var late = as("ae").post("/api/v1/quotes/" + quote.path("id").asString() + "/acceptance", "");
		ProblemAssertions.assertProblem(late, 422, "quote-rule");
		assertThat(rules(late)).contains("quote.expired");
		assertThat(as("ae").get("/api/v1/quotes/" + quote.path("id").asString()).json().path("status").asString())
				.isEqualTo("EXPIRED");

		var revised = as("ae").post("/api/v1/quotes/" + quote.path("id").asString() + "/revisions",
				Http.json(Map.of("lines", List.of(line("premium-saas-annual", 12, "5")))));
		assertThat(revised.status()).as(revised.body()).isEqualTo(201);
		assertThat(revised.json().path("revision").asInt()).isEqualTo(2);
		assertThat(revised.json().path("number").asString()).isEqualTo(quote.path("number").asString());
		assertThat(as("ae").get("/api/v1/quotes/" + quote.path("id").asString()).json().path("status").asString())
				.isEqualTo("SUPERSEDED");
		var old = as("ae").post("/api/v1/quotes/" + quote.path("id").asString() + "/submission", "");
		assertThat(rules(old)).containsExactly("quote.state");
		assertThat(step("ae", revised.json(), "submission", "").path("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void closingTheOpportunityWonOrdersItsAcceptedQuoteWithoutRetyping() throws InterruptedException {
		var externalId = "Q-" + UUID.randomUUID();
		var opportunity = opportunity(externalId, "6-Awaiting Signature");
		var quote = prepare("ae", opportunity, line("premium-self-managed-annual", 8, "0"));
		step("ae", quote, "submission", "");
		step("ae", quote, "acceptance", "");

		opportunity(externalId, "Closed Won");
		JsonNode seen = null;
		for (int i = 0; i < 100; i++) {
			seen = as("ae").get("/api/v1/quotes/" + quote.path("id").asString()).json();
			if (seen.path("status").asString().equals("ORDERED")) {
				break;
			}
			Thread.sleep(100);
		}
		assertThat(seen.path("status").asString()).isEqualTo("ORDERED");
		var order = as("deal-desk").get("/api/v1/orders/" + seen.path("orderId").asString()).json();
		assertThat(order.path("opportunityId").asString()).isEqualTo(opportunity);
		assertThat(order.path("actions").get(0).path("seats").asInt()).isEqualTo(8);
	}
}
