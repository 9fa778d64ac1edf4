package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import dev.baton.pipeline.Pipeline;

/**
 * Finance's invoice pages: the list, an invoice's lines with where each comes from, and
 * finalizing a draft, which only finance and administrators are offered and allowed.
 */
@BatonIntegrationTest
class InvoicePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pipeline pipeline;

	@Autowired
	BillingRun run;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@Test
	void financeReadsAnInvoiceWithItsLinesAndFinalizesTheDraftOnItsPage() {
		var billing = new BillingFixture(port, clock, jdbc, pipeline);
		var account = billing.newAccount();
		billing.subscribe(account, "premium-saas-annual", 4);
		run.run();
		var id = billing.draft(account).path("id").asString();

		var finance = PageSession.as(port, "finance");
		assertThat(finance.get("/invoices?status=DRAFT").body()).contains("/invoices/" + id).contains("USD 1,392.00");
		var page = finance.get("/invoices/" + id).body();
		assertThat(page).contains("Draft invoice").contains("4 seats x USD 348.00 (premium-saas-annual")
				.contains("version 0, order O-").contains(">Finalize</button>");

		var ae = PageSession.as(port, "ae");
		assertThat(ae.get("/invoices/" + id).body()).as("read, not finalize").contains("4 seats x USD 348.00")
				.doesNotContain(">Finalize</button>");
		assertThat(ae.submit("/invoices/" + id, "/invoices/" + id + "/finalization").status()).isEqualTo(403);

		var done = finance.follow(finance.submit("/invoices/" + id, "/invoices/" + id + "/finalization")).body();
		assertThat(done).containsPattern("Invoice INV-\\d{4}-\\d{6} is finalized").doesNotContain(">Finalize</button>");
		assertThat(billing.finance().get("/api/v1/invoices/" + id).json().path("status").asString()).isEqualTo("OPEN");
	}
}
