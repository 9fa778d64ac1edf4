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

import dev.baton.identity.Role;
import dev.baton.organisation.Organisation;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;

/**
 * The governance pages: on-site requests, SA Judgments, circle rituals and the reports.
 * They use the same services as the API, so the same rules and refusals apply.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class GovernancePageController {

	private final OnsiteRequests onsites;
	private final Judgments judgments;
	private final Rituals rituals;
	private final CalendarFeeds feeds;
	private final GovernanceReports reports;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final Caller.Lookup callers;
	private final Clock clock;

	GovernancePageController(OnsiteRequests onsites, Judgments judgments, Rituals rituals,
			CalendarFeeds feeds, GovernanceReports reports, Pipeline pipeline, Organisation organisation,
			Caller.Lookup callers, Clock clock) {
		this.onsites = onsites;
		this.judgments = judgments;
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

	// on-site requests ---------------------------------------------------------------------------

	@GetMapping("/governance/onsite")
	String onsites(Model model) {
		model.addAttribute("requests", onsites.list(null, null, new Page.Request(0, 100)).items().stream()
				.map(OnsiteRequestController.OnsiteView::of).toList());
		model.addAttribute("opportunities", openOpportunities());
		model.addAttribute("opportunityNames", opportunityNames());
		model.addAttribute("people", people());
		model.addAttribute("staff", organisation.people(Role.SA));
		return "governance/onsite";
	}

	@PostMapping("/governance/onsite")
	@PreAuthorize("hasAnyRole('AE','SA')")
	String file(@RequestParam(required = false) UUID opportunityId, @RequestParam(required = false) String amount,
			@RequestParam(defaultValue = "USD") String currency,
			@RequestParam(name = "attendeeIds", required = false) List<UUID> attendeeIds,
			@RequestParam(defaultValue = "") String engagementSummary, @RequestParam(defaultValue = "") String stakeholders,
			@RequestParam(defaultValue = "") String agenda, @RequestParam(defaultValue = "") String outstandingActivities,
			@RequestParam(defaultValue = "false") boolean customerAgreedAgenda,
			@RequestParam(defaultValue = "false") boolean budgetedInitiative, Model model, RedirectAttributes redirect) {
		try {
			var people = new ArrayList<OnsiteRequest.Stakeholder>();
			for (var line : stakeholders.split("\\R")) {
				if (!line.isBlank()) {
					var parts = line.split(",", 2);
					people.add(new OnsiteRequest.Stakeholder(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
				}
			}
			var days = new ArrayList<OnsiteRequest.AgendaDay>();
			var dates = new ArrayList<LocalDate>();
			for (var line : agenda.split("\\R")) {
				if (!line.isBlank()) {
					var parts = line.split(":", 2);
					LocalDate day;
					try {
						day = LocalDate.parse(parts[0].strip());
					} catch (java.time.format.DateTimeParseException e) {
						throw BatonException.invalid("agenda", "each line starts with a date such as 2027-02-10, then a colon and the plan");
					}
					dates.add(day);
					days.add(new OnsiteRequest.AgendaDay(day, parts.length > 1 ? parts[1].strip() : null));
				}
			}
			BigDecimal cost;
			try {
				cost = amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip().replace(",", ""));
			} catch (NumberFormatException e) {
				throw BatonException.invalid("estimatedCost.amount", "must be a number such as 2400 or 2,400.00");
			}
			var request = onsites.file(new OnsiteRequests.Form(opportunityId, cost, currency, attendeeIds,
					engagementSummary, people, dates, days, outstandingActivities, customerAgreedAgenda,
					budgetedInitiative), callers.person());
			redirect.addFlashAttribute("notice", "On-site request filed; it awaits the SA manager's and the ASM's approval.");
			return "redirect:/governance/onsite/" + request.id();
		} catch (BatonException e) {
			model.addAttribute("error", message(e));
			model.addAttribute("fieldErrors", e.fieldErrors());
			model.addAttribute("violations", e.properties().get("violations"));
			return onsites(model);
		}
	}

	@GetMapping("/governance/onsite/{id}")
	String onsite(@PathVariable UUID id, Model model) {
		var request = onsites.find(id);
		var caller = callers.current();
		model.addAttribute("r", OnsiteRequestController.OnsiteView.of(request));
		var names = people();
		model.addAttribute("attendees", String.join(", ", request.attendeeIds().stream()
				.map(person -> names.getOrDefault(person, "Someone")).toList()));
		model.addAttribute("opportunity", pipeline.opportunity(request.opportunityId()));
		model.addAttribute("people", people());
		model.addAttribute("mayApproveAsManager", OnsitePolicies.mayApprove(request, caller, Approver.SA_MANAGER));
		model.addAttribute("mayApproveAsAsm", OnsitePolicies.mayApprove(request, caller, Approver.ASM));
		model.addAttribute("mayReject", OnsitePolicies.mayReject(request, caller));
		return "governance/onsite-detail";
	}

	@PostMapping("/governance/onsite/{id}/approve")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ASM')")
	String approve(@PathVariable UUID id, @RequestParam Approver as, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			onsites.approve(id, as, version, callers.person());
			redirect.addFlashAttribute("notice", "Approved as " + as.label() + ".");
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", message(e));
		}
		return "redirect:/governance/onsite/" + id;
	}

	@PostMapping("/governance/onsite/{id}/reject")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ASM')")
	String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			onsites.reject(id, reason, version, callers.person());
			redirect.addFlashAttribute("notice", "Rejected.");
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", message(e));
		}
		return "redirect:/governance/onsite/" + id;
	}

	// SA judgments -------------------------------------------------------------------------------

	@GetMapping("/governance/judgments")
	String judgments(Model model) {
		model.addAttribute("opportunities", openOpportunities());
		model.addAttribute("current", judgments.current());
		model.addAttribute("missing", judgments.missing());
		model.addAttribute("misaligned", judgments.misaligned());
		model.addAttribute("calibration", judgments.calibration());
		model.addAttribute("coverage", judgments.coverage());
		model.addAttribute("people", people());
		return "governance/judgments";
	}

	@PostMapping("/governance/judgments")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER')")
	String recordJudgment(@RequestParam UUID opportunityId, @RequestParam(required = false) JudgmentColor color,
			@RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "false") boolean customerKnowledge,
			@RequestParam(defaultValue = "false") boolean clearUseCases,
			@RequestParam(defaultValue = "false") boolean productMatch,
			@RequestParam(defaultValue = "false") boolean accessToTeams,
			@RequestParam(defaultValue = "false") boolean technicalBuyer,
			@RequestParam(defaultValue = "false") boolean responsiveness, RedirectAttributes redirect) {
		try {
			var judgment = judgments.record(opportunityId, color, comment, new SaJudgment.Checklist(customerKnowledge,
					clearUseCases, productMatch, accessToTeams, technicalBuyer, responsiveness), callers.person());
			redirect.addFlashAttribute("notice", "Recorded " + judgment.line());
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", message(e));
		}
		return "redirect:/governance/judgments";
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
		model.addAttribute("mayPlan", chosen != null && RitualPolicies.mayPlan(organisation.circle(chosen),
				caller.person() == null ? null : caller.person().id(), caller.has(Role.ADMIN)).allowed());
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
