package dev.baton.onsite.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

import dev.baton.identity.Role;
import dev.baton.onsite.Approver;
import dev.baton.onsite.OnsiteRequestId;
import dev.baton.onsite.OnsiteRequests;
import dev.baton.onsite.domain.OnsitePolicies;
import dev.baton.onsite.domain.OnsiteRequest;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Organisation;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;

/**
 * The on-site pages: the list with the filing form, and one request with its approvals. They
 * use the same service and policies as the API, so a page offers only what the API would allow
 * and says why not.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class OnsitePageController {

	private final OnsiteRequests onsites;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CallContexts callers;

	OnsitePageController(OnsiteRequests onsites, Pipeline pipeline, Organisation organisation,
			CallContexts callers) {
		this.onsites = onsites;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.callers = callers;
	}

	private Map<UUID, String> people() {
		var names = new HashMap<UUID, String>();
		organisation.people(null).forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	@GetMapping("/governance/onsite")
	String onsites(Model model) {
		var opportunityNames = new HashMap<UUID, String>();
		var open = new ArrayList<>();
		for (var o : pipeline.allOpportunities()) {
			opportunityNames.put(o.id(), o.name());
			if (!o.stage().isClosed()) {
				open.add(o);
			}
		}
		model.addAttribute("requests", onsites.list(null, null, new Page.Request(0, 100)).items().stream()
				.map(OnsiteRequestController.OnsiteView::of).toList());
		model.addAttribute("opportunities", open);
		model.addAttribute("opportunityNames", opportunityNames);
		model.addAttribute("people", people());
		model.addAttribute("staff", organisation.people(Role.SA));
		model.addAttribute("mayFile", OnsitePolicies.mayFile(callers.current()));
		return "onsite/onsite";
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
			var days = agenda(agenda);
			var request = onsites.file(new OnsiteRequests.Form(opportunityId, amount(amount), currency, attendeeIds,
					engagementSummary, stakeholders(stakeholders), days.stream().map(OnsiteRequest.AgendaDay::day).toList(),
					days, outstandingActivities, customerAgreedAgenda, budgetedInitiative),
					callers.person(ProblemType.NOT_PERMITTED));
			redirect.addFlashAttribute("notice", "On-site request filed; it awaits the SA manager's and the ASM's approval.");
			return "redirect:/governance/onsite/" + request.id();
		} catch (BatonException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("fieldErrors", e.fieldErrors());
			model.addAttribute("violations", e.properties().get("violations"));
			return onsites(model);
		}
	}

	// one "name, title" per line
	private static List<OnsiteRequest.Stakeholder> stakeholders(String text) {
		var people = new ArrayList<OnsiteRequest.Stakeholder>();
		for (var line : text.split("\\R")) {
			if (!line.isBlank()) {
				var parts = line.split(",", 2);
				people.add(new OnsiteRequest.Stakeholder(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
			}
		}
		return people;
	}

	// one "date: plan" per line
	private static List<OnsiteRequest.AgendaDay> agenda(String text) {
		var days = new ArrayList<OnsiteRequest.AgendaDay>();
		for (var line : text.split("\\R")) {
			if (!line.isBlank()) {
				var parts = line.split(":", 2);
				try {
					days.add(new OnsiteRequest.AgendaDay(LocalDate.parse(parts[0].strip()),
							parts.length > 1 ? parts[1].strip() : null));
				} catch (DateTimeParseException e) {
					throw BatonException.invalid("agenda",
							"each line starts with a date such as 2027-02-10, then a colon and the plan");
				}
			}
		}
		return days;
	}

	private static BigDecimal amount(String text) {
		try {
			return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(",", ""));
		} catch (NumberFormatException e) {
			throw BatonException.invalid("estimatedCost.amount", "must be a number such as 2400 or 2,400.00");
		}
	}

	@GetMapping("/governance/onsite/{id}")
	String onsite(@PathVariable OnsiteRequestId id, Model model) {
		var request = onsites.find(id);
		var caller = callers.current();
		var names = people();
		model.addAttribute("r", OnsiteRequestController.OnsiteView.of(request));
		model.addAttribute("attendees", String.join(", ", request.attendeeIds().stream()
				.map(person -> names.getOrDefault(person, "Someone")).toList()));
		model.addAttribute("opportunity", pipeline.opportunity(request.opportunityId()));
		model.addAttribute("people", names);
		model.addAttribute("mayApproveAsManager", OnsitePolicies.mayApprove(request, caller, Approver.SA_MANAGER));
		model.addAttribute("mayApproveAsAsm", OnsitePolicies.mayApprove(request, caller, Approver.ASM));
		model.addAttribute("mayReject", OnsitePolicies.mayReject(request, caller));
		return "onsite/onsite-detail";
	}

	@PostMapping("/governance/onsite/{id}/approve")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ASM')")
	String approve(@PathVariable OnsiteRequestId id, @RequestParam Approver as, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			onsites.approve(id, as, version, callers.person(ProblemType.NOT_PERMITTED));
			redirect.addFlashAttribute("notice", "Approved as " + as.label() + ".");
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/governance/onsite/" + id;
	}

	@PostMapping("/governance/onsite/{id}/reject")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ASM')")
	String reject(@PathVariable OnsiteRequestId id, @RequestParam(defaultValue = "") String reason,
			@RequestParam int version, RedirectAttributes redirect) {
		try {
			onsites.reject(id, reason, version, callers.person(ProblemType.NOT_PERMITTED));
			redirect.addFlashAttribute("notice", "Rejected.");
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/governance/onsite/" + id;
	}
}
