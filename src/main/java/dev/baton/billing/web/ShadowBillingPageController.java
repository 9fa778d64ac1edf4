package dev.baton.billing.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.billing.ShadowBilling;
import dev.baton.billing.ShadowBillingRunId;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.platform.BatonException;

/**
 * Shadow billing's pages: the latest runs and a form to start one, and a run's report (totals,
 * distribution of changes, biggest movers, the CSV).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','FINANCE')")
class ShadowBillingPageController {

	private final ShadowBilling shadow;
	private final Catalog catalog;

	ShadowBillingPageController(ShadowBilling shadow, Catalog catalog) {
		this.shadow = shadow;
		this.catalog = catalog;
	}

	@GetMapping("/shadow-billing")
	String runs(Model model) {
		model.addAttribute("runs", shadow.latest());
		model.addAttribute("versions", catalog.versions());
		model.addAttribute("today", catalog.today());
		return "invoices/shadow-runs";
	}

	@PostMapping("/shadow-billing")
	String start(@RequestParam(required = false) PriceBookVersionId priceBookVersionId, @RequestParam(required = false) LocalDate on,
			RedirectAttributes redirect) {
		try {
			var run = shadow.start(priceBookVersionId, on, "Started on the shadow billing page");
			return "redirect:/shadow-billing/" + run.id();
		}
		catch (BatonException e) {
			if (e.type().status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw e;
			}
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/shadow-billing";
		}
	}

	@GetMapping("/shadow-billing/{id}")
	String run(@PathVariable ShadowBillingRunId id, Model model) {
		model.addAttribute("report", shadow.report(id));
		return "invoices/shadow-run";
	}

	@GetMapping("/shadow-billing/{id}.csv")
	ResponseEntity<StreamingResponseBody> csv(@PathVariable UUID id) {
		return ShadowBillingController.csvOf(shadow, id);
	}
}
