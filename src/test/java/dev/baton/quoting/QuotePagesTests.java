package dev.baton.quoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * Deal desk's quote pages in a browser session: an AE prepares a discounted quote through the
 * form and submits it, deal desk sees it waiting and approves it, the AE records the customer's
 * acceptance and deal desk orders it; each step a role may not take, or the quote's state does not
 * allow, is not offered; a bad form says which field is wrong and prepares nothing.
 */
@BatonIntegrationTest
class QuotePagesTests {

	@LocalServerPort
	int port;

	private static String flat(String html) {
		return html.replaceAll("\\s+", " ");
	}

	@Test
	void aQuoteGoesFromTheFormThroughApprovalToAnOrder() {
		var opportunity = new DealFixtures(port).opportunity(Map.of()).path("id").asString();
		var ae = PageSession.as(port, "ae");
		var prepared = ae.submit("/quotes/new?opportunityId=" + opportunity, "/quotes", "opportunityId", opportunity,
				"currency", "USD", "lines[0].planCode", "ultimate-saas-annual", "lines[0].quantity", "20",
				"lines[0].discountPercent", "15", "lines[1].planCode", "ai-assistant-annual", "lines[1].quantity", "20",
				"lines[1].discountPercent", "0", "lines[2].planCode", "");
		var page = ae.follow(prepared);
		var quotePath = prepared.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(page.body()).contains("USD 20,196.00").contains("USD 4,560.00").contains("USD 24,756.00")
				.contains("deal desk; given: none yet");
		assertThat(flat(page.body())).as("the AE approves and orders nothing").doesNotContain("Approve as deal desk")
				.doesNotContain("Place the order").contains("<button type=\"submit\">Submit</button>");

		var submitted = ae.follow(ae.submit(quotePath, quotePath + "/submission"));
		assertThat(submitted.body()).contains("Submitted: waiting for deal desk.");

		var desk = PageSession.as(port, "deal-desk");
		var number = page.body().replaceAll("(?s).*<h1>Quote (Q-\\d+), revision 1</h1>.*", "$1");
		assertThat(desk.get("/quotes").body().split("id=\"latest-heading\"")[0]).contains(number + " r1");
		var approved = desk.follow(desk.submit(quotePath, quotePath + "/approvals", "role", "DEAL_DESK"));
		assertThat(approved.body()).contains("Approved as deal desk: every approval is in");
		assertThat(desk.get("/quotes").body().split("id=\"latest-heading\"")[0]).doesNotContain(number + " r1");
		// finance was not needed, and deal desk cannot approve as finance
		var asFinance = desk.submit(quotePath, quotePath + "/approvals", "role", "FINANCE");
		assertThat(desk.follow(asFinance).body()).contains("Only FINANCE approves as FINANCE");

		var accepted = ae.follow(ae.submit(quotePath, quotePath + "/acceptance"));
		assertThat(accepted.body()).contains("The customer&#39;s acceptance is recorded.");
		var ordered = desk.follow(desk.submit(quotePath, quotePath + "/order"));
		assertThat(ordered.body()).contains("Ordered: the subscription is created.");
		var quote = Http.to(port).as("deal-desk").get("/api/v1" + quotePath).json();
		assertThat(quote.path("status").asString()).isEqualTo("ORDERED");
		assertThat(quote.path("orderId").isNull()).isFalse();
		assertThat(flat(ordered.body())).contains("disabled=\"disabled\">Place the order");
	}

	@Test
	void aBadFormSaysWhichFieldIsWrongAndPreparesNothing() {
		var opportunity = new DealFixtures(port).opportunity(Map.of()).path("id").asString();
		var ae = PageSession.as(port, "ae");
		var bad = ae.submit("/quotes/new?opportunityId=" + opportunity, "/quotes", "opportunityId", opportunity,
				"currency", "USD", "lines[0].planCode", "ultimate-saas-annual", "lines[0].quantity", "twenty",
				"lines[0].discountPercent", "0");
		assertThat(bad.status()).isEqualTo(200);
		var german = PageSession.login(port, "ae").header("Accept-Language", "de");
		var form = german.get("/quotes/new?opportunityId=" + opportunity);
		assertThat(flat(form.body())).contains("lang=\"de\"").contains("Neues Angebot für").contains("Rabatt in Prozent")
				.contains(">Angebot erstellen</button>").doesNotContain("Prepare the quote");
		var badInGerman = german.postForm("/quotes", Map.of("_csrf", PageSession.csrf(form.body()), "opportunityId",
				opportunity, "currency", "USD", "lines[0].planCode", "ultimate-saas-annual", "lines[0].quantity", "twenty",
				"lines[0].discountPercent", "0"));
		assertThat(badInGerman.body()).as("the field is named in German").contains("Stufe, Menge: ");
		assertThat(bad.body()).contains("Tier, quantity: must be a whole number such as 25, not twenty");
		var tooMuch = ae.submit("/quotes/new?opportunityId=" + opportunity, "/quotes", "opportunityId", opportunity,
				"currency", "USD", "lines[0].planCode", "ultimate-saas-annual", "lines[0].quantity", "20",
				"lines[0].discountPercent", "75");
		assertThat(tooMuch.body()).contains("A discount is from 0% to 60%");
		assertThat(Http.to(port).as("deal-desk").get("/api/v1/quotes?opportunityId=" + opportunity).json()).isEmpty();
		assertThat(PageSession.as(port, "customer").get("/quotes").status()).isEqualTo(403);
	}
}
