package dev.baton.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * The portal pages in a browser session: a checkout sent twice (a double click, a retry) places one
 * order; another account's subscription is not found; what a subscription's state forbids is not
 * offered, and says why; staff are sent to their own pages; the pages speak the customer's language.
 */
@BatonIntegrationTest
class PortalPagesTests {

	@LocalServerPort
	int port;

	private String location(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		return response.header("Location").replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void aCheckoutSentTwicePlacesOneOrder() {
		var customer = PageSession.login(port, "customer");
		assertThat(location(customer.get("/"))).as("customers land in their portal").isEqualTo("/portal");
		var page = customer.get("/portal/checkout");
		assertThat(page.status()).isEqualTo(200);
		var key = page.body().replaceAll("(?s).*name=\"clientKey\" value=\"([^\"]+)\".*", "$1");
		var form = Map.of("_csrf", PageSession.csrf(page.body()), "clientKey", key, "planCode", "premium-saas-annual",
				"currency", "USD", "seats", "7");
		var first = location(customer.postForm("/portal/checkout", form));
		var second = location(customer.postForm("/portal/checkout", form));
		assertThat(second).as("the same form sent again is the same order").isEqualTo(first);
		var id = first.substring(first.lastIndexOf('/') + 1);
		var orders = Http.to(port).as("deal-desk").get("/api/v1/subscriptions/" + id + "/timeline").json();
		assertThat(orders).hasSize(1);

		var shown = customer.get(first).body();
		assertThat(shown).contains("Premium (SaaS), Annual").contains("Cancel at term end");

		// cancelled at term end: cancelling again and renewing are not offered, and the page says why
		var cancel = customer.postForm("/portal/subscriptions/" + id + "/changes",
				Map.of("_csrf", PageSession.csrf(shown), "action", "cancel", "clientKey", key + "-cancel"));
		var after = customer.get(location(cancel)).body();
		assertThat(after).contains("it ends at the end of its term and does not renew")
				.contains("already cancels on").contains("it does not renew");
		assertThat(after.replaceAll("\\s+", " ")).contains("disabled=\"disabled\">Cancel at term end").contains("disabled=\"disabled\">Renew now");
	}

	@Test
	void thePortalSpeaksTheCustomersLanguage() {
		var customer = PageSession.login(port, "customer").header("Accept-Language", "de-DE,de;q=0.9");
		var page = customer.get("/portal/checkout");
		assertThat(page.body()).contains("lang=\"de\"").contains("Abonnement kaufen").contains(">Kostenpflichtig bestellen<")
				.contains(">Rechnungen<").doesNotContain("Place order");
		var key = page.body().replaceAll("(?s).*name=\"clientKey\" value=\"([^\"]+)\".*", "$1");
		var placed = location(customer.postForm("/portal/checkout", Map.of("_csrf", PageSession.csrf(page.body()),
				"clientKey", key, "planCode", "premium-saas-annual", "currency", "USD", "seats", "3")));

		var shown = customer.get(placed).body();
		assertThat(shown).contains("aufgegeben: Ihr Abonnement ist aktiv.").contains(">Aktiv<").contains(">Plätze<")
				.contains(">Zum Laufzeitende kündigen<").contains(">Verlauf<").contains(">Abonnement angelegt<")
				.doesNotContain("Cancel at term end").doesNotContain(">Seats<");
		assertThat(customer.get("/portal").body()).contains("Ihre Abonnements").contains(">Laufzeit<")
				.contains(" bis ").doesNotContain("No quotes sent to you");
	}

	@Test
	void aBadCheckoutSaysWhatIsWrongAndPlacesNothing() {
		var customer = PageSession.login(port, "customer");
		var before = Http.to(port).as("customer").get("/api/v1/portal/subscriptions").json().size();
		var page = customer.get("/portal/checkout");
		var response = customer.postForm("/portal/checkout", Map.of("_csrf", PageSession.csrf(page.body()), "planCode",
				"premium-saas-annual", "currency", "USD", "seats", "many"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("must be a whole number such as 25");
		var negative = customer.postForm("/portal/checkout", Map.of("_csrf", PageSession.csrf(page.body()), "planCode",
				"premium-saas-annual", "currency", "USD", "seats", "-3"));
		assertThat(negative.body()).contains("id=\"error-summary\"");
		var noPrice = customer.postForm("/portal/checkout", Map.of("_csrf", PageSession.csrf(page.body()), "planCode",
				"premium-saas-annual", "currency", "JPY", "seats", "3"));
		assertThat(noPrice.body()).contains("has no JPY price");
		assertThat(Http.to(port).as("customer").get("/api/v1/portal/subscriptions").json().size()).isEqualTo(before);
	}

	@Test
	void anotherAccountsSubscriptionIsNotFoundAndStaffAreNotCustomers() {
		var theirs = Http.to(port).as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 3, "currency", "USD",
						"parties", Map.of("ownerAccountId", account("CRM-ACC-1002"))))))).json();
		var id = theirs.path("subscriptionIds").get(0).asString();
		var customer = PageSession.login(port, "customer");
		assertThat(customer.get("/portal/subscriptions/" + id).status()).isEqualTo(404);
		var page = customer.get("/portal");
		assertThat(customer.postForm("/portal/subscriptions/" + id + "/changes", Map.of("_csrf",
				PageSession.csrf(page.body()), "action", "seats", "seats", "50")).status()).isEqualTo(404);
		assertThat(PageSession.login(port, "sa").get("/portal").status()).isEqualTo(403);
	}

	@Test
	void aSelfManagedSubscriptionsPageOffersItsLicenseFiles() {
		var customer = PageSession.login(port, "customer");
		var page = customer.get("/portal/checkout");
		var placed = location(customer.postForm("/portal/checkout", Map.of("_csrf", PageSession.csrf(page.body()),
				"planCode", "ultimate-self-managed-annual", "currency", "USD", "seats", "25")));
		var id = placed.substring(placed.lastIndexOf('/') + 1);
		assertThat(customer.get(placed).body()).contains("hx-get=\"/portal/subscriptions/" + id + "/licenses\"");
		// the license is issued after the order commits
		org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
				customer.get("/portal/subscriptions/" + id + "/licenses").body()).contains("Download").contains("License file"));
		var panel = customer.get("/portal/subscriptions/" + id + "/licenses").body();
		var file = panel.replaceAll("(?s).*href=\"(/api/v1/portal/licensing/licenses/[^\"]+/file)\".*", "$1");
		var download = Http.to(port).as("customer").get(file);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).contains("BEGIN");
		assertThat(PageSession.login(port, "partner").get("/portal/subscriptions/" + id + "/licenses").status())
				.as("another account's licenses are not found").isEqualTo(404);
	}

	private String account(String externalId) {
		for (var account : Http.to(port).as("admin").get("/api/v1/accounts").json()) {
			if (account.path("externalId").asString().equals(externalId)) {
				return account.path("id").asString();
			}
		}
		throw new AssertionError("no account " + externalId);
	}
}
