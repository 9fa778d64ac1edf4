package dev.baton.billing.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.audit.AuditLog;
import dev.baton.billing.CreditNote;
import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceDocuments;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceLineId;
import dev.baton.billing.Invoices;
import dev.baton.billing.LineExplanation;
import dev.baton.billing.UpcomingInvoice;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.Versions;
import dev.baton.subscription.SubscriptionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Invoices for the vendor's staff: finance and administrators finalize drafts and issue credit
 * notes; deal desk, AEs and ASMs read. Invoices are written by the billing run, never by hand.
 */
@RestController
@Tag(name = "Invoices")
@PreAuthorize("hasAnyRole('ADMIN','FINANCE','DEAL_DESK','AE','ASM')")
class InvoiceController {

	private final Invoices invoices;
	private final InvoiceDocuments documents;

	InvoiceController(Invoices invoices, InvoiceDocuments documents) {
		this.invoices = invoices;
		this.documents = documents;
	}

	/** A credit note: what part beyond what is still owed does is the disposition (ACCOUNT_CREDIT unless REFUND). */
	record CreditNoteRequest(java.math.BigDecimal amount, String reason, CreditNote.Disposition disposition) {
	}

	@GetMapping("/api/v1/invoices")
	@Operation(summary = "The invoices of an invoice owner (the customer, or the reseller for channel sales), newest first, without lines")
	List<Invoice> ofAccount(@RequestParam AccountId accountId) {
		return invoices.ofAccount(accountId);
	}

	@GetMapping("/api/v1/invoices/{id}")
	@Operation(summary = "Read an invoice with its lines and credit notes; the ETag is its version")
	ResponseEntity<Invoice> invoice(@PathVariable InvoiceId id) {
		var invoice = invoices.invoice(id);
		return ResponseEntity.ok().eTag(Versions.etag(invoice.version())).body(invoice);
	}

	@GetMapping("/api/v1/invoices/{id}/pdf")
	@Operation(summary = "The invoice as a PDF, as the invoice owner receives it (a draft is marked as such)")
	ResponseEntity<byte[]> pdf(@PathVariable InvoiceId id, Locale locale) {
		return pdfOf(invoices.invoice(id), documents, locale);
	}

	static ResponseEntity<byte[]> pdfOf(Invoice invoice, InvoiceDocuments documents, Locale locale) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
						.filename(InvoiceDocuments.filename(invoice)).build().toString())
				.body(documents.pdf(invoice.id(), locale));
	}

	@PostMapping("/api/v1/invoices/{id}/finalization")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
	@Operation(summary = "Finalize a draft: it takes the year's next invoice number and never changes again "
			+ "(409 invoice-finalized when it is not a draft)")
	Invoice finalizeDraft(@PathVariable InvoiceId id,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		return invoices.finalizeDraft(id, reason);
	}

	@PostMapping("/api/v1/invoices/{id}/credit-notes")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
	@Operation(summary = "Credit a finalized invoice, whole or in part, with a reason (201); more than is left is "
			+ "refused (422 billing-rule naming credit-note.amount); the part beyond what is still owed becomes account "
			+ "credit, or with disposition REFUND goes back to the card it was paid with")
	ResponseEntity<CreditNote> creditNote(@PathVariable InvoiceId id, @RequestBody CreditNoteRequest request,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		var note = invoices.creditNote(id, new Invoices.NewCreditNote(request.amount(), request.reason(), request.disposition()), reason);
		return ResponseEntity.created(URI.create("/api/v1/invoices/" + id + "/credit-notes/" + note.id())).body(note);
	}

	@GetMapping("/api/v1/invoices/{id}/lines/{lineId}/explanation")
	@Operation(summary = "Where a line comes from: the subscription version and order, the price book version, the "
			+ "quantity's source, the days and the arithmetic in words")
	LineExplanation explanation(@PathVariable InvoiceId id, @PathVariable InvoiceLineId lineId) {
		return invoices.explain(id, lineId);
	}

	@GetMapping("/api/v1/subscriptions/{id}/upcoming-invoice")
	@Operation(summary = "Preview: what the next billing run would invoice for the subscription; writes nothing")
	UpcomingInvoice upcoming(@PathVariable SubscriptionId id) {
		return invoices.upcoming(id);
	}
}
