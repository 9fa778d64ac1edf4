package dev.baton.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The portals through HTTP with the demo logins: {@code customer} acts for Acme Logistics,
 * {@code partner} for the reseller Northwind Channel. Each sees and changes only its own
 * subscriptions; anything else answers 404; an end customer never sees its reseller's discount.
 */
@BatonIntegrationTest
class PortalTests {

	@LocalServerPort
	int port;

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private String account(String externalId) {
		for (var account : as("admin").get("/api/v1/accounts").json()) {
			if (account.path("externalId").asString().equals(externalId)) {
				return account.path("id").asString();
			}
		}
		throw new AssertionError("no account " + externalId);
	}

	private JsonNode placed(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private Http.Response portalOrder(String user, Object... actions) {
		return as(user).post("/api/v1/portal/orders", Http.json(Map.of("actions", List.of(actions))));
	}

	@Test
	void aCustomerChecksOutAndChangesItsOwnSubscriptionOnly() {
		assertThat(as("customer").get("/api/v1/portal/account").json().path("accountId").asString())
				.isEqualTo(account("CRM-ACC-1001"));
		var order = placed(portalOrder("customer", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-monthly",
				"seats", 4, "currency", "USD", "parties", Map.of("ownerAccountId", account("CRM-ACC-1002")))));
		assertThat(order.path("channel").asString()).isEqualTo("WEB");
		var id = order.path("subscriptionIds").get(0).asString();
		var mine = as("customer").get("/api/v1/portal/subscriptions/" + id).json();
		assertThat(mine.path("ownerAccountId").asString()).as("a customer always buys for itself")
				.isEqualTo(account("CRM-ACC-1001"));

		placed(portalOrder("customer", Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 6)));
		placed(portalOrder("customer", Map.of("type", "CHANGE_PLAN", "subscriptionId", id, "planCode", "ultimate-saas-monthly")));
		placed(portalOrder("customer", Map.of("type", "CANCEL", "subscriptionId", id, "when", "AT_TERM_END")));
		var timeline = as("customer").get("/api/v1/portal/subscriptions/" + id + "/timeline").json();
		assertThat(timeline).hasSize(4);
		assertThat(timeline.get(3).path("subscription").path("cancelsOn").isNull()).isFalse();
		ProblemAssertions.assertProblem(portalOrder("customer", Map.of("type", "CANCEL", "subscriptionId", id, "when", "NOW")),
				403, "forbidden");

		var someoneElses = placed(as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 3, "currency", "USD",
						"parties", Map.of("ownerAccountId", account("CRM-ACC-1002"))))))));
		var other = someoneElses.path("subscriptionIds").get(0).asString();
		ProblemAssertions.assertProblem(as("customer").get("/api/v1/portal/subscriptions/" + other), 404, "not-found");
		ProblemAssertions.assertProblem(as("customer").get("/api/v1/portal/subscriptions/" + other + "/timeline"), 404,
				"not-found");
		ProblemAssertions.assertProblem(portalOrder("customer", Map.of("type", "CHANGE_SEATS", "subscriptionId", other,
				"seats", 30)), 404, "not-found");
		assertThat(as("customer").get("/api/v1/portal/subscriptions").json().toString()).doesNotContain(other);
		ProblemAssertions.assertProblem(as("customer").get("/api/v1/subscriptions/" + other), 403, "forbidden");
	}

	@Test
	void aPartnerOrdersForItsEndCustomerWhoNeverSeesThePartnersDiscount() {
		var northwind = as("partner").get("/api/v1/portal/account").json().path("accountId").asString();
		var endCustomer = account("CRM-ACC-1003");
		var order = placed(portalOrder("partner", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual",
				"seats", 40, "currency", "USD", "parties", Map.of("ownerAccountId", endCustomer))));
		assertThat(order.path("channel").asString()).isEqualTo("PARTNER");
		var id = order.path("subscriptionIds").get(0).asString();
		var seen = as("partner").get("/api/v1/portal/subscriptions/" + id).json();
		assertThat(seen.path("ownerAccountId").asString()).isEqualTo(endCustomer);
		assertThat(seen.path("resold").asBoolean()).isTrue();
		var staff = as("deal-desk").get("/api/v1/subscriptions/" + id).json();
		assertThat(staff.path("parties").path("invoiceOwnerAccountId").asString()).isEqualTo(northwind);
		// the registered ones, and (depending on what other tests sold through Northwind) the owners it invoices
		assertThat(as("partner").get("/api/v1/portal/end-customers").json()).extracting(a -> a.path("name").asString())
				.contains("Hooli Cloud", "Initech Health").isSorted();

		// an account not registered for the partner is not one it may order for, until the channel team registers it
		var stark = account("CRM-ACC-1005");
		var unregistered = portalOrder("partner", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual",
				"seats", 5, "currency", "USD", "parties", Map.of("ownerAccountId", stark)));
		ProblemAssertions.assertProblem(unregistered, 400, "validation-failed");
		assertThat(unregistered.body()).contains("actions[0].parties.ownerAccountId").contains("not one of your end customers");
		ProblemAssertions.assertProblem(as("partner").put("/api/v1/portal/partners/" + northwind + "/end-customers/" + stark,
				""), 403, "forbidden");
		assertThat(as("deal-desk").put("/api/v1/portal/partners/" + northwind + "/end-customers/" + stark, "").status())
				.isEqualTo(204);
		placed(portalOrder("partner", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 5,
				"currency", "USD", "parties", Map.of("ownerAccountId", stark))));

		// a reseller deal sold at a discount by deal desk: the partner sees its terms
		var discounted = placed(as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "PARTNER", "actions",
				List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 10, "currency",
						"USD", "discounts", Map.of("premium-saas-annual", 20), "parties",
						Map.of("ownerAccountId", endCustomer, "invoiceOwnerAccountId", northwind)))))));
		var resold = discounted.path("subscriptionIds").get(0).asString();
		assertThat(as("partner").get("/api/v1/portal/subscriptions/" + resold).json().path("discounts")
				.path("premium-saas-annual").asInt()).isEqualTo(20);

		as("admin").put("/api/v1/portal/members/customer", Http.json(Map.of("accountId", endCustomer)));
		try {
			var asEndCustomer = as("customer").get("/api/v1/portal/subscriptions/" + resold);
			assertThat(asEndCustomer.status()).isEqualTo(200);
			assertThat(asEndCustomer.json().path("discounts").isEmpty()).as("the partner's price stays the partner's").isTrue();
		}
		finally {
			as("admin").put("/api/v1/portal/members/customer", Http.json(Map.of("accountId", account("CRM-ACC-1001"))));
		}
		var notMine = placed(as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 3, "currency",
						"USD", "parties", Map.of("ownerAccountId", endCustomer)))))));
		ProblemAssertions.assertProblem(as("partner").get("/api/v1/portal/subscriptions/"
				+ notMine.path("subscriptionIds").get(0).asString()), 404, "not-found");
	}

	@Test
	void aCustomerAcceptsAQuoteSentToItButNotAnotherAccountsOrADraft() {
		var admin = as("admin");
		var acmeDeal = dev.baton.DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation");
		var globexDeal = dev.baton.DemoOrganisation.opportunity(admin, "Globex Retail: Premium to Ultimate");
		var line = List.of(Map.of("planCode", "premium-saas-annual", "quantity", 15, "discountPercent", "5"));
		var ours = placed(as("deal-desk").post("/api/v1/quotes", Http.json(Map.of("opportunityId", acmeDeal, "currency",
				"USD", "lines", line))));
		var draft = placed(as("deal-desk").post("/api/v1/quotes", Http.json(Map.of("opportunityId", acmeDeal, "currency",
				"USD", "lines", line))));
		var theirs = placed(as("deal-desk").post("/api/v1/quotes", Http.json(Map.of("opportunityId", globexDeal, "currency",
				"USD", "lines", line))));
		for (var quote : List.of(ours, theirs)) {
			assertThat(as("deal-desk").post("/api/v1/quotes/" + quote.path("id").asString() + "/submission", "").status())
					.isEqualTo(200);
		}

		var sent = as("customer").get("/api/v1/portal/quotes").json().toString();
		assertThat(sent).contains(ours.path("id").asString()).doesNotContain(draft.path("id").asString())
				.doesNotContain(theirs.path("id").asString());
		var accepted = as("customer").post("/api/v1/portal/quotes/" + ours.path("id").asString() + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().path("acceptedBy").asString()).isEqualTo("customer");
		ProblemAssertions.assertProblem(as("customer").post("/api/v1/portal/quotes/" + theirs.path("id").asString()
				+ "/acceptance", ""), 404, "not-found");
		ProblemAssertions.assertProblem(as("customer").post("/api/v1/portal/quotes/" + draft.path("id").asString()
				+ "/acceptance", ""), 404, "not-found");
	}

	@Test
	void aLoginWithoutAnAccountIsToldSoAndStaffCannotUseThePortal() {
		ProblemAssertions.assertProblem(as("deal-desk").get("/api/v1/portal/subscriptions"), 403, "forbidden");
		ProblemAssertions.assertProblem(as("customer").put("/api/v1/portal/members/customer",
				Http.json(Map.of("accountId", account("CRM-ACC-1003")))), 403, "forbidden");
		var notPortal = as("admin").put("/api/v1/portal/members/deal-desk", Http.json(Map.of("accountId",
				account("CRM-ACC-1003"))));
		ProblemAssertions.assertProblem(notPortal, 400, "validation-failed");
	}
}
