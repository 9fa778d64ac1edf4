package dev.baton.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import dev.baton.ProblemAssertions;
import dev.baton.billing.BillingRun;
import dev.baton.pipeline.Pipeline;

/**
 * Invoices in the portals: a customer sees and pays its own invoices by card through the sandbox
 * gateway and downloads them; a reseller sees the invoices of what it resells, which are its own;
 * the reseller's end customer sees none of them.
 */
@BatonIntegrationTest
class PortalInvoicesTests {

	@LocalServerPort
	int port;

	@Autowired
	Pipeline pipeline;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BillingRun run;

	@Autowired
	MutableClock clock;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private String subscribe(Http who, String path, Map<String, Object> body) {
		var response = who.post(path, Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var id = response.json().path("subscriptionIds").get(0).asString();
		await().until(() -> jdbc.sql("SELECT count(*) FROM billing_subscription WHERE subscription_id = :id")
				.param("id", UUID.fromString(id)).query(Integer.class).single() == 1);
		return id;
	}

	/** The draft of an account's, finalized by finance. */
	private String finalized(String account) {
		var draft = as("finance").get("/api/v1/invoices?accountId=" + account).json().get(0);
		assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
		var done = as("finance").post("/api/v1/invoices/" + draft.path("id").asString() + "/finalization", "");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		return draft.path("id").asString();
	}

	@Test
	void aCustomerPaysItsOwnInvoicesAndAResellersEndCustomerSeesNoneOfTheResellers() {
		var northwind = as("partner").get("/api/v1/portal/account").json().path("accountId").asString();
		var endCustomer = pipeline.addAccount("CRM-PINV-" + UUID.randomUUID().toString().substring(0, 8),
				"Portal invoices test", "Software", "AMER", false).id().toString();
		assertThat(as("deal-desk").put("/api/v1/portal/partners/" + northwind + "/end-customers/" + endCustomer, "")
				.status()).isEqualTo(204);
		var resold = subscribe(as("partner"), "/api/v1/portal/orders", Map.of("actions", List.of(Map.of("type",
				"CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 5, "currency", "USD", "parties",
				Map.of("ownerAccountId", endCustomer)))));
		subscribe(as("deal-desk"), "/api/v1/orders", Map.of("channel", "SALES", "actions", List.of(Map.of("type",
				"CREATE_SUBSCRIPTION", "planCode", "premium-saas-monthly", "seats", 2, "currency", "USD", "parties",
				Map.of("ownerAccountId", endCustomer)))));
		run.run();
		var resellers = finalized(northwind);
		var own = finalized(endCustomer);

		as("admin").put("/api/v1/portal/members/customer", Http.json(Map.of("accountId", endCustomer)));
		try {
			var customer = as("customer");
			var listed = customer.get("/api/v1/portal/invoices").json();
			assertThat(listed).extracting(i -> i.path("id").asString()).contains(own).doesNotContain(resellers);
			ProblemAssertions.assertProblem(customer.get("/api/v1/portal/invoices/" + resellers), 404, "not-found");
			ProblemAssertions.assertProblem(customer.get("/api/v1/portal/invoices/" + resellers + "/pdf"), 404, "not-found");
			ProblemAssertions.assertProblem(customer.post("/api/v1/portal/invoices/" + resellers + "/payments",
					Http.json(Map.of("card", "4242 4242 4242 4242"))), 404, "not-found");
			assertThat(customer.get("/api/v1/portal/invoices/" + own).json().toString()).doesNotContain(resold)
					.doesNotContain("inputsHash").doesNotContain("finalizedBy");

			var declined = customer.post("/api/v1/portal/invoices/" + own + "/payments",
					Http.json(Map.of("card", "4000 0000 0000 0002")));
			ProblemAssertions.assertProblem(declined, 402, "payment-declined");
			var paid = customer.post("/api/v1/portal/invoices/" + own + "/payments",
					Http.json(Map.of("card", "4242 4242 4242 4242")));
			assertThat(paid.status()).as(paid.body()).isEqualTo(201);
			assertThat(paid.json().path("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(customer.get("/api/v1/portal/invoices/" + own).json().path("status").asString()).isEqualTo("PAID");
			var pdf = customer.get("/api/v1/portal/invoices/" + own + "/pdf");
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(pdf.contentType()).startsWith("application/pdf");
			assertThat(pdf.body()).startsWith("%PDF");
		}
		finally {
			as("admin").put("/api/v1/portal/members/customer",
					Http.json(Map.of("accountId", pipeline.accountByExternalId("CRM-ACC-1001").orElseThrow().id())));
		}

		// the reseller sees and pays its invoice on its pages, confirming the card its bank asks about
		var partner = PageSession.as(port, "partner");
		assertThat(partner.get("/portal/invoices").body()).contains("/portal/invoices/" + resellers);
		var page = partner.get("/portal/invoices/" + resellers).body();
		assertThat(page).contains("Pay now").contains("4242 4242 4242 4242").contains("5 seats x USD 348.00");
		var asked = partner.follow(partner.submit("/portal/invoices/" + resellers, "/portal/invoices/" + resellers
				+ "/payments", "card", "4000 0025 0000 3155", "clientKey", UUID.randomUUID().toString()));
		assertThat(asked.body()).contains("Confirm the payment");
		var action = asked.body().replaceAll("(?s).*action=\"(/portal/payments/[^\"]+/confirmation)\".*", "$1");
		var confirmed = partner.follow(partner.submit("/portal/invoices/" + resellers, action)).body();
		assertThat(confirmed).contains("Payment confirmed");
		assertThat(as("finance").get("/api/v1/invoices/" + resellers).json().path("status").asString()).isEqualTo("PAID");
	}
}
