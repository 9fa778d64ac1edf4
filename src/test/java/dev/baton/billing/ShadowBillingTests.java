package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Shadow billing: a draft price book version raising one plan's price run against every
 * subscription in the background, writing no invoice; per account the period's current and
 * proposed amounts, the distribution and the movers, as JSON, a page and CSV.
 */
@BatonIntegrationTest
class ShadowBillingTests extends BillingStory {

	private Http admin() {
		return Http.to(port).as("admin");
	}

	/** A draft copy of the version in effect with Premium annual in USD 10% dearer. */
	private String proposal() {
		String latest = null;
		LocalDate from = null;
		for (var version : admin().get("/api/v1/price-books").json()) {
			var effective = LocalDate.parse(version.path("effectiveFrom").asString());
			if (version.path("status").asString().equals("PUBLISHED") && (from == null || effective.isAfter(from))) {
				from = effective;
				latest = version.path("id").asString();
			}
		}
		var draft = admin().post("/api/v1/price-books", Http.json(Map.of("name", "Proposal " + System.nanoTime(),
				"effectiveFrom", billing.today().plusYears(5).toString(), "grandfathering", "KEEP_UNTIL_RENEWAL", "basedOn",
				latest)));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		var id = draft.json().path("id").asString();
		var priced = admin().header("If-Match", draft.header("ETag")).put("/api/v1/price-books/" + id
				+ "/prices/premium-saas-annual/USD", Http.json(Map.of("unitPrice", "382.80")));
		assertThat(priced.status()).as(priced.body()).isEqualTo(200);
		return id;
	}

	@Test
	void aProposedVersionIsRunAgainstEveryAccountWithoutWritingAnInvoice() {
		var annual = billing.newAccount();
		var monthly = billing.newAccount();
		billing.subscribe(annual, "premium-saas-annual", 5);
		billing.subscribe(monthly, "premium-saas-monthly", 10);
		var invoiceLines = jdbc.sql("SELECT count(*) FROM invoice_line").query(Long.class).single();
		var proposal = proposal();

		var started = billing.finance().post("/api/v1/shadow-billing-runs",
				Http.json(Map.of("priceBookVersionId", proposal, "on", billing.today().toString())));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		var run = started.json().path("id").asString();
		await().atMost(Duration.ofSeconds(40)).until(() -> billing.finance().get("/api/v1/shadow-billing-runs/" + run)
				.json().path("run").path("status").asString().equals("DONE"));

		var report = billing.finance().get("/api/v1/shadow-billing-runs/" + run).json();
		assertThat(report.path("run").path("subscriptions").asInt()).isGreaterThanOrEqualTo(2);
		var movers = report.path("movers");
		assertThat(movers).anySatisfy(m -> {
			assertThat(m.path("accountId").asString()).isEqualTo(annual);
			assertThat(m.path("current").decimalValue()).isEqualByComparingTo("1740.00");
			assertThat(m.path("proposed").decimalValue()).isEqualByComparingTo("1914.00");
		});
		assertThat(report.path("distribution")).anySatisfy(b -> {
			assertThat(b.path("label").asString()).isEqualTo("up 5% to 10%");
			assertThat(b.path("accounts").asInt()).isPositive();
		});
		assertThat(jdbc.sql("SELECT count(*) FROM invoice_line").query(Long.class).single()).as("no invoice written")
				.isEqualTo(invoiceLines);

		var csv = billing.finance().get("/api/v1/shadow-billing-runs/" + run + "/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("account_id,crm_id,account,currency,subscriptions,current,proposed,change,change_percent")
				.contains(annual + ",").contains(",USD,1,1740.00,1914.00,174.00,10.0")
				.contains(monthly + ",").contains(",USD,1,290.00,290.00,0.00,0.0");

		var page = PageSession.as(port, "finance").get("/shadow-billing/" + run).body();
		assertThat(page).contains("Biggest movers").contains("up 5% to 10%").contains("/shadow-billing/" + run + ".csv");
		ProblemAssertions.assertProblem(Http.to(port).as("ae").get("/api/v1/shadow-billing-runs/" + run), 403, "forbidden");
	}

	@Test
	void aRunNamesTheVersionAndTheDay() {
		var refused = billing.finance().post("/api/v1/shadow-billing-runs", Http.json(Map.of("on", "2027-01-01")));
		ProblemAssertions.assertProblem(refused, 422, "billing-rule");
		assertThat(refused.json().path("violations").get(0).path("rule").asString()).isEqualTo("shadow-billing.version");
	}
}
