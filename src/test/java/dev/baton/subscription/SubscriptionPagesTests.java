package dev.baton.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * The staff's subscription pages: found by number or by the account's CRM id, one subscription with
 * its parties and its timeline (who changed what, and why); customers use their portal instead.
 */
@BatonIntegrationTest
class SubscriptionPagesTests {

	@LocalServerPort
	int port;

	@Test
	void staffFindASubscriptionAndReadItsTimeline() {
		var desk = Http.to(port).as("deal-desk");
		String wayne = null;
		String northwind = null;
		for (var account : desk.get("/api/v1/accounts").json()) {
			if (account.path("externalId").asString().equals("CRM-ACC-1006")) {
				wayne = account.path("id").asString();
			}
			if (account.path("externalId").asString().equals("CRM-ACC-3001")) {
				northwind = account.path("id").asString();
			}
		}
		var order = desk.header("Audit-Reason", "Reseller deal signed").post("/api/v1/orders", Http.json(Map.of("channel",
				"PARTNER", "actions", List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats",
						9, "currency", "USD", "parties", Map.of("ownerAccountId", wayne, "invoiceOwnerAccountId", northwind))))))
				.json();
		var id = order.path("subscriptionIds").get(0).asString();
		var number = desk.get("/api/v1/subscriptions/" + id).json().path("number").asString();
		desk.post("/api/v1/orders", Http.json(Map.of("channel", "PARTNER", "actions",
				List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", id, "seats", 12)))));

		var csm = PageSession.as(port, "csm");
		var byNumber = csm.get("/subscriptions?q=" + number);
		assertThat(byNumber.status()).isEqualTo(302);
		var page = csm.follow(byNumber).body().replaceAll("\\s+", " ");
		assertThat(page).contains("Premium (SaaS), Annual for Wayne Financial").contains("Northwind Channel (reseller)")
				.contains("Reseller deal signed").contains("deal-desk");
		assertThat(page.indexOf("Change seats")).as("newest first").isLessThan(page.indexOf("Create subscription"));

		var byAccount = csm.get("/subscriptions?q=CRM-ACC-1006").body();
		assertThat(byAccount).contains("Subscriptions of Wayne Financial").contains(number);
		assertThat(csm.get("/subscriptions?q=nothing-like-it").body()).contains("Nothing found for nothing-like-it");
		assertThat(PageSession.as(port, "customer").get("/subscriptions").status()).isEqualTo(403);
	}
}
