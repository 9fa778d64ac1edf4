package dev.baton.usage.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.usage.Meters;
import dev.baton.usage.UsageOverviews;
import dev.baton.usage.UsagePeriods;
import dev.baton.usage.UsageProperties;

/**
 * Finance's usage pages: every meter's watermark with its closed months and what arrived late, and
 * an account's usage as its portal shows it, with the closed months as billed.
 */
@Controller
@PreAuthorize("hasAnyRole('FINANCE','ADMIN')")
class UsageFinancePageController {

	private final Meters meters;
	private final UsagePeriods periods;
	private final UsageOverviews overviews;
	private final Pipeline pipeline;
	private final UsageProperties properties;

	UsageFinancePageController(Meters meters, UsagePeriods periods, UsageOverviews overviews, Pipeline pipeline,
			UsageProperties properties) {
		this.meters = meters;
		this.periods = periods;
		this.overviews = overviews;
		this.pipeline = pipeline;
		this.properties = properties;
	}

	@GetMapping("/usage/periods")
	String periods(Model model) {
		model.addAttribute("watermarks", meters.meters().stream().filter(m -> !m.isArchived())
				.map(m -> periods.watermark(m.code())).toList());
		model.addAttribute("grace", properties.periodCloseGrace().toString().substring(2).toLowerCase());
		return "usage/periods";
	}

	@GetMapping("/usage/accounts")
	String find(@RequestParam(required = false) String subject) {
		if (subject == null || subject.isBlank()) {
			return "redirect:/usage/periods";
		}
		return "redirect:/usage/accounts/" + URLEncoder.encode(subject.strip(), StandardCharsets.UTF_8);
	}

	@GetMapping("/usage/accounts/{subject}")
	String account(@PathVariable String subject, Model model) {
		if (subject.length() > 200) {
			throw BatonException.invalid("subject", "is an account's CRM id, 1 to 200 characters");
		}
		model.addAttribute("subject", subject);
		model.addAttribute("name", pipeline.accountByExternalId(subject).map(a -> a.name()).orElse(subject));
		model.addAttribute("overview", overviews.of(subject));
		model.addAttribute("closed", overviews.closed(subject));
		return "usage/account";
	}
}
