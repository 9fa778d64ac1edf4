package dev.baton.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.catalog.Catalog;
import dev.baton.catalog.Grandfathering;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;

/**
 * The catalog pages: products and their plans, the price book's versions, and one version's
 * prices. Administrators start a draft from the latest version, set per-unit, flat and package
 * prices on it, and publish it; tiered and volume prices are set through the API. Publishing shows
 * first what would stop it, from the same policy the API applies.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','SA_MANAGER')")
class CatalogPageController {

	private final Catalog catalog;
	private final Words words;

	CatalogPageController(Catalog catalog, Words words) {
		this.catalog = catalog;
		this.words = words;
	}

	@GetMapping("/catalog")
	String catalog(Model model) {
		var versions = catalog.versions();
		model.addAttribute("products", catalog.products());
		model.addAttribute("versions", versions);
		model.addAttribute("inEffect", catalog.versionInEffect(catalog.today()).map(v -> v.id()).orElse(null));
		model.addAttribute("latest", versions.stream().filter(v -> v.isPublished()).findFirst().orElse(null));
		model.addAttribute("tomorrow", catalog.today().plusDays(1));
		return "catalog/catalog";
	}

	@GetMapping("/catalog/price-books/{id}")
	String version(@PathVariable PriceBookVersionId id, Model model) {
		var version = catalog.version(id);
		var names = new HashMap<String, String>();
		var plans = new HashMap<String, dev.baton.catalog.Plan>();
		catalog.products().forEach(p -> p.plans().forEach(plan -> {
			names.put(plan.code(), p.name() + ", " + plan.name());
			plans.put(plan.code(), plan);
		}));
		model.addAttribute("v", version);
		model.addAttribute("planNames", names);
		model.addAttribute("plans", plans);
		model.addAttribute("products", catalog.products());
		model.addAttribute("mayPublish", version.isPublished() ? null : catalog.mayPublish(id));
		return "catalog/version";
	}

	@PostMapping("/catalog/price-books")
	@PreAuthorize("hasRole('ADMIN')")
	String draft(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String effectiveFrom,
			@RequestParam(defaultValue = "KEEP_UNTIL_RENEWAL") Grandfathering grandfathering,
			@RequestParam(required = false) PriceBookVersionId basedOn, RedirectAttributes redirect) {
		try {
			var draft = catalog.draft(new Catalog.NewVersion(name, date(effectiveFrom), grandfathering, basedOn));
			redirect.addFlashAttribute("notice", basedOn == null
					? words.get("catalog.drafted", draft.number()) : words.get("catalog.drafted-based", draft.number()));
			return "redirect:/catalog/price-books/" + draft.id();
		}
		catch (BatonException e) {
			failed(redirect, e);
			return "redirect:/catalog";
		}
	}

	@PostMapping("/catalog/price-books/{id}/prices")
	@PreAuthorize("hasRole('ADMIN')")
	String setPrice(@PathVariable PriceBookVersionId id, @RequestParam(defaultValue = "") String planCode,
			@RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String unitPrice,
			@RequestParam(defaultValue = "") String includedUnits, @RequestParam(defaultValue = "") String packageSize,
			@RequestParam int version, RedirectAttributes redirect) {
		try {
			catalog.setPrice(id, planCode, currency.strip().toUpperCase(java.util.Locale.ROOT),
					new Catalog.NewPrice(decimal(unitPrice, "unitPrice"), decimal(includedUnits, "includedUnits"),
							packageSize.isBlank() ? null : decimal(packageSize, "packageSize").intValueExact(), null),
					version);
			redirect.addFlashAttribute("notice", words.get("catalog.price-set", planCode, currency.strip()));
		}
		catch (BatonException e) {
			failed(redirect, e);
		}
		catch (ArithmeticException e) {
			failed(redirect, BatonException.invalid("packageSize", "is a whole number of units"));
		}
		return "redirect:/catalog/price-books/" + id;
	}

	@PostMapping("/catalog/price-books/{id}/publication")
	@PreAuthorize("hasRole('ADMIN')")
	String publish(@PathVariable PriceBookVersionId id, @RequestParam int version,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		try {
			var published = catalog.publish(id, version, reason.isBlank() ? null : reason.strip());
			redirect.addFlashAttribute("notice", words.get("catalog.published-notice",
					published.number(), published.effectiveFrom().toString()));
		}
		catch (BatonException e) {
			failed(redirect, e);
		}
		return "redirect:/catalog/price-books/" + id;
	}

	private static void failed(RedirectAttributes redirect, BatonException e) {
		if (e.type().status() == HttpStatus.NOT_FOUND) {
			throw e;
		}
		redirect.addFlashAttribute("error", e.getMessage());
		redirect.addFlashAttribute("fieldErrors", e.fieldErrors());
		redirect.addFlashAttribute("violations", e.properties().get("violations"));
	}

	private static LocalDate date(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw BatonException.invalid("effectiveFrom", "must be a date such as 2027-01-01");
		}
	}

	private static BigDecimal decimal(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw BatonException.invalid(field, "must be a number such as 348 or 1,188.00, not " + text.strip());
		}
	}
}
