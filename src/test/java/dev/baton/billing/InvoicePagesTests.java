package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.baton.BatonIntegrationTest;
import dev.baton.PageSession;

/**
 * Finance's invoice pages: the list, an invoice's lines with where each comes from, and
 * finalizing a draft, which only finance and administrators are offered and allowed.
 */
@BatonIntegrationTest
class InvoicePagesTests extends BillingStory {

	@Autowired
	InvoiceDocuments documents;

	@Test
	void financeReadsAnInvoiceWithItsLinesAndFinalizesTheDraftOnItsPage() {
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

		// a part paid by transfer shows on the page; the PDF is the invoice as its owner receives it
		var paid = billing.finance().post("/api/v1/invoices/" + id + "/payments", dev.baton.Http.json(java.util.Map.of(
				"method", "WIRE", "amount", 392, "currency", "USD", "reference", "BANK-REF-77")));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(finance.get("/invoices/" + id).body()).contains("Payments").contains("BANK-REF-77").contains("392.00");
		var pdf = finance.get("/invoices/" + id + ".pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		var text = text(documents.pdf(InvoiceId.of(id)));
		var number = billing.finance().get("/api/v1/invoices/" + id).json().path("number").asString();
		assertThat(text).contains(number).contains("4 seats x USD 348.00").contains("1,392.00").contains("Amount due")
				.contains("1,000.00");
		assertThat(text(documents.pdf(InvoiceId.of(id), java.util.Locale.GERMAN))).as("a German browser's download")
				.contains(number).contains("Offener Betrag").contains("Verwendungszweck " + number)
				.doesNotContain("Amount due");
	}

	private static String text(byte[] pdf) {
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
