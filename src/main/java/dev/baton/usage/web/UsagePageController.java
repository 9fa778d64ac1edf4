package dev.baton.usage.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.Words;
import dev.baton.usage.Aggregation;
import dev.baton.usage.Meter;
import dev.baton.usage.Meters;
import dev.baton.usage.UsageSourceId;
import dev.baton.usage.UsageSources;
import dev.baton.usage.UsageTotals;

/**
 * The administrators' usage page: meters with this month's totals, sources with their tokens;
 * define a meter, register a source (its token shown once), rotate or revoke a token, archive a
 * meter.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UsagePageController {

	private final Meters meters;
	private final UsageSources sources;
	private final UsageTotals totals;
	private final Clock clock;
	private final Words words;

	UsagePageController(Meters meters, UsageSources sources, UsageTotals totals, Clock clock, Words words) {
		this.words = words;
		this.meters = meters;
		this.sources = sources;
		this.totals = totals;
		this.clock = clock;
	}

	/** A meter's row: the meter and its total this month, across subjects. */
	record MeterRow(Meter meter, BigDecimal thisMonth, String dimensions) {
	}

	@GetMapping("/admin/usage")
	String usage(Model model) {
		return page(Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/usage/meters")
	String define(@RequestParam Map<String, String> form, Authentication caller, Model model, RedirectAttributes redirect) {
		try {
			var aggregation = parseAggregation(value(form, "aggregation"));
			var meter = meters.define(new Meters.Definition(value(form, "code"), value(form, "name"), value(form, "eventType"),
					aggregation, value(form, "valueProperty"), dimensions(value(form, "dimensions")), value(form, "unit")),
					caller.getName());
			redirect.addFlashAttribute("notice", words.get("admin.meter-defined", meter.code()));
			return "redirect:/admin/usage";
		}
		catch (BatonException refused) {
			return page(form, errors(refused), model);
		}
	}

	@PostMapping("/admin/usage/meters/{code}/archive")
	String archive(@PathVariable String code, RedirectAttributes redirect) {
		meters.archive(code);
		redirect.addFlashAttribute("notice", words.get("admin.meter-archived", code));
		return "redirect:/admin/usage";
	}

	@PostMapping("/admin/usage/sources")
	String register(@RequestParam Map<String, String> form, Authentication caller, Model model) {
		try {
			model.addAttribute("issued", sources.register(value(form, "source"), value(form, "description"), caller.getName()));
			return page(Map.of(), Map.of(), model);
		}
		catch (BatonException refused) {
			var errors = errors(refused);
			var sourceErrors = new LinkedHashMap<String, String>();
			errors.forEach((field, message) -> sourceErrors.put("source".equals(field) || "form".equals(field) ? "source" : field,
					message));
			model.addAttribute("sourceErrors", sourceErrors);
			return page(Map.of(), Map.of(), model, form);
		}
	}

	@PostMapping("/admin/usage/sources/{id}/rotate")
	String rotate(@PathVariable UsageSourceId id, Model model) {
		model.addAttribute("issued", sources.rotate(id));
		return page(Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/usage/sources/{id}/revoke")
	String revoke(@PathVariable UsageSourceId id, RedirectAttributes redirect) {
		sources.revoke(id);
		redirect.addFlashAttribute("notice", words.get("admin.token-revoked"));
		return "redirect:/admin/usage";
	}

	private String page(Map<String, String> form, Map<String, String> errors, Model model) {
		return page(form, errors, model, Map.of());
	}

	private String page(Map<String, String> form, Map<String, String> errors, Model model, Map<String, String> sourceForm) {
		var month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
		var from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		var to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		var rows = new ArrayList<MeterRow>();
		for (var meter : meters.meters()) {
			var total = totals.totals(new UsageTotals.Query(meter.code(), from, to, UsageTotals.Window.NONE, null, List.of()));
			var dimensions = new ArrayList<String>();
			meter.dimensions().forEach((name, pointer) -> dimensions.add(name + "=" + pointer));
			rows.add(new MeterRow(meter, total.rows().isEmpty() ? BigDecimal.ZERO : total.rows().get(0).value(),
					String.join(", ", dimensions)));
		}
		model.addAttribute("meters", rows);
		model.addAttribute("month", month);
		model.addAttribute("sources", sources.sources());
		model.addAttribute("aggregations", Aggregation.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("sourceForm", sourceForm);
		if (!model.containsAttribute("sourceErrors")) {
			model.addAttribute("sourceErrors", Map.of());
		}
		return "admin/usage";
	}

	private static Aggregation parseAggregation(String value) {
		if (value == null) {
			throw BatonException.invalid("aggregation", "is one of SUM, COUNT, UNIQUE_COUNT, MAX, LATEST");
		}
		try {
			return Aggregation.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw BatonException.invalid("aggregation", "is one of SUM, COUNT, UNIQUE_COUNT, MAX, LATEST, not " + value);
		}
	}

	/** Dimensions as typed: {@code runner=/runner, project=/project}. */
	static Map<String, String> dimensions(String typed) {
		var dimensions = new LinkedHashMap<String, String>();
		if (typed == null) {
			return dimensions;
		}
		for (var pair : typed.split(",")) {
			if (pair.isBlank()) {
				continue;
			}
			var parts = pair.split("=", 2);
			if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
				throw BatonException.invalid("dimensions", "are name=pointer pairs separated by commas, such as"
						+ " runner=/runner, project=/project; not '" + pair.strip() + "'");
			}
			dimensions.put(parts[0].strip(), parts[1].strip());
		}
		return dimensions;
	}

	private static Map<String, String> errors(BatonException refused) {
		var errors = new LinkedHashMap<String, String>();
		if (refused.fieldErrors().isEmpty()) {
			errors.put("form", refused.getMessage());
		}
		for (FieldError error : refused.fieldErrors()) {
			errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	private static String value(Map<String, String> form, String name) {
		var value = form.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}
}
