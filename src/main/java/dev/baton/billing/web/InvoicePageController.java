package dev.baton.billing.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceStatus;
import dev.baton.billing.Invoices;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;

/**
 * Finance's invoice pages: the latest invoices by status, or an account's by its CRM id, and one
 * invoice with its lines, where each comes from, and its credit notes; finance and administrators
 * finalize a draft there, through the same service the API uses.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','FINANCE','DEAL_DESK','AE','ASM')")
class InvoicePageController {

	private static final int LATEST = 100;

	private final Invoices invoices;
	private final Pipeline pipeline;
	private final dev.baton.billing.InvoiceDocuments documents;
	private final dev.baton.billing.Payments payments;
	private final dev.baton.platform.Words words;

	InvoicePageController(Invoices invoices, Pipeline pipeline, dev.baton.billing.InvoiceDocuments documents,
			dev.baton.billing.Payments payments, dev.baton.platform.Words words) {
		this.words = words;
		this.invoices = invoices;
		this.pipeline = pipeline;
		this.documents = documents;
		this.payments = payments;
	}

	@GetMapping("/invoices")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status, Model model) {
		var query = q.strip();
		InvoiceStatus chosen = null;
		for (var each : InvoiceStatus.values()) {
			if (each.name().equals(status)) {
				chosen = each;
			}
		}
		List<Invoice> shown;
		if (!query.isEmpty()) {
			var account = pipeline.accountByExternalId(query);
			shown = account.map(a -> invoices.ofAccount(AccountId.of(a.id()))).orElse(List.of());
			model.addAttribute("foundAccount", account.orElse(null));
		}
		else {
			shown = invoices.latest(chosen, LATEST);
		}
		model.addAttribute("q", query);
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("statuses", InvoiceStatus.values());
		model.addAttribute("invoices", shown);
		model.addAttribute("accounts", accountNames(shown));
		return "invoices/list";
	}

	@GetMapping("/invoices/{id}")
	String invoice(@PathVariable InvoiceId id, Model model) {
		var invoice = invoices.invoice(id);
		model.addAttribute("i", invoice);
		model.addAttribute("accounts", accountNames(List.of(invoice)));
		model.addAttribute("payments", payments.ofInvoice(id));
		model.addAttribute("dunning", payments.dunning(id).orElse(null));
		return "invoices/invoice";
	}

	@GetMapping("/invoices/{id}.pdf")
	org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable InvoiceId id, java.util.Locale locale) {
		return InvoiceController.pdfOf(invoices.invoice(id), documents, locale);
	}

	@PostMapping("/invoices/{id}/finalization")
	@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
	String finalizeDraft(@PathVariable InvoiceId id, RedirectAttributes redirect) {
		try {
			var invoice = invoices.finalizeDraft(id, "Finalized on the invoice page");
			redirect.addFlashAttribute("notice", words.get("invoices.finalized", invoice.number()));
		}
		catch (BatonException e) {
			if (e.type().status() == HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/invoices/" + id;
	}

	private Map<UUID, String> accountNames(List<Invoice> list) {
		var ids = new HashSet<UUID>();
		list.forEach(i -> ids.add(i.invoiceOwnerAccountId()));
		var names = new HashMap<UUID, String>();
		pipeline.accounts(ids.stream().map(AccountId::of).toList()).forEach(a -> names.put(a.id(), a.name()));
		return names;
	}
}
