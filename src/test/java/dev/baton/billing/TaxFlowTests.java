package dev.baton.billing;

import static dev.baton.billing.BillingFixture.amount;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.ProblemAssertions;

/**
 * Tax lines by the invoice owner's bill-to country and region, from the rate table the test
 * context configures (DE 19% VAT, US-CA 7.25% sales tax, IE reverse charge at 0%): on the lines,
 * in the totals and explanations, in the recomputation and its hash.
 */
@BatonIntegrationTest
class TaxFlowTests extends BillingStory {

	@Autowired
	Invoices invoices;

	private void billTo(String account, Map<String, String> billTo) {
		var response = billing.finance().put("/api/v1/accounts/" + account + "/bill-to", Http.json(billTo));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void anOwnerBilledInGermanyPaysVatOnEachLineInTheTotalExplainedAndRecomputedToTheSameHash() {
		var account = billing.newAccount();
		billTo(account, Map.of("country", "de", "taxId", "DE123456789"));
		billing.subscribe(account, "premium-saas-annual", 5);
		run.run();

		var draft = billing.draft(account);
		var line = draft.path("lines").get(0);
		assertThat(amount(line.path("amount"))).isEqualTo("1740.00");
		assertThat(amount(line.path("taxAmount"))).isEqualTo("330.60");
		assertThat(line.path("taxName").asString()).isEqualTo("VAT");
		assertThat(amount(draft.path("subtotal"))).isEqualTo("1740.00");
		assertThat(amount(draft.path("tax"))).isEqualTo("330.60");
		assertThat(amount(draft.path("total"))).isEqualTo("2070.60");

		var id = draft.path("id").asString();
		var explanation = billing.finance().get("/api/v1/invoices/" + id + "/lines/" + line.path("id").asString()
				+ "/explanation").json();
		assertThat(explanation.path("tax").path("arithmetic").asString())
				.isEqualTo("VAT 19% (DE) on USD 1,740.00 = USD 330.60");

		var finalized = billing.finance().post("/api/v1/invoices/" + id + "/finalization", "");
		assertThat(amount(finalized.json().path("total"))).isEqualTo("2070.60");
		assertThat(amount(finalized.json().path("due"))).isEqualTo("2070.60");
		var recomputed = invoices.recompute(InvoiceId.of(id));
		assertThat(recomputed.sameLines()).isTrue();
		assertThat(recomputed.recomputedHash()).isEqualTo(recomputed.storedHash());
		// the rate is part of the hashed inputs: the same lines without it hash otherwise
		assertThat(jdbc.sql("SELECT inputs FROM invoice_computation WHERE invoice_id = CAST(:id AS uuid)").param("id", id)
				.query(String.class).single()).contains("\"tax\":{\"jurisdiction\":\"DE\",\"name\":\"VAT\",\"percent\":19}");
	}

	@Test
	void aRegionHasItsOwnRateAReverseChargeIsZeroAndAnOwnerWithoutBillToIsNotTaxed() {
		var california = billing.newAccount();
		billTo(california, Map.of("country", "US", "region", "ca"));
		var ireland = billing.newAccount();
		billTo(ireland, Map.of("country", "IE"));
		var nowhere = billing.newAccount();
		billing.subscribe(california, "premium-saas-monthly", 10);
		billing.subscribe(ireland, "premium-saas-monthly", 10);
		billing.subscribe(nowhere, "premium-saas-monthly", 10);
		run.run();

		var ca = billing.draft(california).path("lines").get(0);
		assertThat(amount(ca.path("taxAmount"))).as("290.00 x 7.25% = 21.025").isEqualTo("21.02");
		assertThat(ca.path("taxJurisdiction").asString()).isEqualTo("US-CA");
		var ie = billing.draft(ireland).path("lines").get(0);
		assertThat(ie.path("taxName").asString()).isEqualTo("Reverse charge");
		assertThat(amount(ie.path("taxAmount"))).isEqualTo("0.00");
		var none = billing.draft(nowhere);
		assertThat(none.path("lines").get(0).path("taxName").isNull()).isTrue();
		assertThat(amount(none.path("total"))).isEqualTo("290.00");
	}

	@Test
	void aBillToCountryIsAnIsoCode() {
		var account = billing.newAccount();
		var response = billing.finance().put("/api/v1/accounts/" + account + "/bill-to",
				Http.json(Map.of("country", "Germany")));
		ProblemAssertions.assertProblem(response, 422, "billing-rule");
		assertThat(response.json().path("violations").get(0).path("rule").asString()).isEqualTo("bill-to.country");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("country");
	}
}
