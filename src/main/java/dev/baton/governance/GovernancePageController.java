package dev.baton.governance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.baton.platform.ProblemType;
import dev.baton.organisation.CallContexts;
import dev.baton.identity.Role;
import dev.baton.organisation.Organisation;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;

/**
 * The governance pages: circle rituals and the reports.
 * They use the same services as the API, so the same rules and refusals apply.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class GovernancePageController {

	private final Rituals rituals;
	private final CalendarFeeds feeds;
	private final GovernanceReports reports;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CallContexts callers;
	private final Clock clock;

	GovernancePageController(Rituals rituals,
			CalendarFeeds feeds, GovernanceReports reports, Pipeline pipeline, Organisation organisation,
			CallContexts callers, Clock clock) {
		this.rituals = rituals;
		this.feeds = feeds;
		this.reports = reports;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.callers = callers;
		this.clock = clock;
	}

	/** A ritual occurrence as the page lists it. */
	record RitualRow(LocalDate day, String ritual, String who) {
	}

	private Map<UUID, String> people() {
		var names = new HashMap<UUID, String>();
		organisation.people(null).forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	private List<Opportunity> openOpportunities() {
		return pipeline.allOpportunities().stream().filter(o -> !o.stage().isClosed()).toList();
	}

	private Map<UUID, String> opportunityNames() {
		var names = new HashMap<UUID, String>();
		pipeline.allOpportunities().forEach(o -> names.put(o.id(), o.name()));
		return names;
	}

	private static String message(BatonException e) {
		return e.getMessage();
	}

	// rituals ------------------------------------------------------------------------------------

	@GetMapping("/governance/rituals")
	String rituals(@RequestParam(required = false) UUID circleId, Model model) {
		var circles = organisation.circles();
		var caller = callers.current();
		var chosen = circleId;
		if (chosen == null && caller.person() != null) {
			chosen = organisation.circleOfMember(caller.person().id()).map(c -> c.id()).orElse(null);
		}
		if (chosen == null && !circles.isEmpty()) {
			chosen = circles.get(0).id();
		}
		model.addAttribute("circles", circles);
		model.addAttribute("circleId", chosen);
		model.addAttribute("mayPlan", chosen != null && RitualPolicies.mayPlan(organisation.circle(chosen), caller)
				.isAllowed());
		var names = people();
		var deals = opportunityNames();
		model.addAttribute("rituals", chosen == null ? List.of()
				: rituals.between(chosen, rituals.today(chosen), rituals.today(chosen).plusDays(120)).stream()
						.map(r -> new RitualRow(r.day(), r.kind().label(), String.join(" and ", r.presenterIds().stream()
								.map(id -> names.getOrDefault(id, "Someone")).toList())
								+ String.join("; ", r.opportunityIds().stream().map(id -> deals.getOrDefault(id, "?"))
										.toList())))
						.toList());
		return "governance/rituals";
	}

	@PostMapping("/governance/rituals/feed")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ADMIN')")
	String issueFeed(@RequestParam UUID circleId, RedirectAttributes redirect) {
		try {
			var feed = feeds.issue(circleId, callers.current());
			redirect.addFlashAttribute("feedUrl",
					ServletUriComponentsBuilder.fromCurrentContextPath().path(feed.path()).toUriString());
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", message(e));
		}
		return "redirect:/governance/rituals?circleId=" + circleId;
	}

	@PostMapping("/governance/rituals/plan")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ADMIN')")
	String plan(@RequestParam UUID circleId, RedirectAttributes redirect) {
		var added = rituals.plan(circleId, callers.current());
		redirect.addFlashAttribute("notice", added + " occurrences planned.");
		return "redirect:/governance/rituals?circleId=" + circleId;
	}

	// reports ------------------------------------------------------------------------------------

	@GetMapping("/governance/reports")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
	String reports(@RequestParam(defaultValue = "30") int days, Model model) {
		var span = Math.max(1, Math.min(days, 730));
		var to = clock.instant();
		model.addAttribute("days", span);
		model.addAttribute("report", reports.report(to.minus(Duration.ofDays(span)), to));
		model.addAttribute("titles", GovernanceReports.titles());
		model.addAttribute("sections", GovernanceReports.SECTIONS);
		return "governance/reports";
	}

	@GetMapping("/governance/reports/{section}.csv")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
	org.springframework.http.ResponseEntity<String> reportCsv(@PathVariable String section,
			@RequestParam(defaultValue = "30") int days) {
		var span = Math.max(1, Math.min(days, 730));
		var to = clock.instant();
		var body = reports.csv(reports.report(to.minus(Duration.ofDays(span)), to), section);
		return org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"baton-" + section + ".csv\"")
				.body(body);
	}
}
