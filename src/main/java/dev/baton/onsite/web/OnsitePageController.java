package dev.baton.onsite.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.onsite.Approver;
import dev.baton.onsite.OnsiteRequestId;
import dev.baton.onsite.OnsiteRequests;
import dev.baton.onsite.domain.OnsitePolicies;
import dev.baton.onsite.domain.OnsiteRequest;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Words;

/**
 * The on-site pages: the list with the filing form, and one request with its approvals. They
 * use the same service and policies as the API, so a page offers only what the API would allow
 * and says why not.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class OnsitePageController {

	private final Words words;
	private final OnsiteRequests onsites;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CallContexts callers;

	/** The most deals the filing form offers. */
	private static final int FILEABLE_LIMIT = 500;

	OnsitePageController(OnsiteRequests onsites, Pipeline pipeline, Organisation organisation,
			CallContexts callers, Words words) {
		this.onsites = onsites;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.callers = callers;
		this.words = words;
	}

	/** The names of these people, read by id in one statement. */
	private Map<UUID, String> names(Collection<UUID> ids) {
		var names = new HashMap<UUID, String>();
		organisation.peopleById(PersonId.ofAll(ids)).forEach(p -> names.put(p.id(), p.name()));
		return names;
	}

	/**
	 * The deals the caller may pick when filing: the open deals of the AEs the caller works with
	 * (themselves and those their circles serve), read through the owner index, not the whole pipeline.
	 */
	private List<Opportunity> fileable(CallContext caller) {
		return pipeline.openOpportunitiesOwnedBy(PersonId.ofAll(organisation.dealOwnersWorkedBy(caller)), Stage.PENDING_ACCEPTANCE,
				FILEABLE_LIMIT);
	}

	/**
	 * The SAs the filing form offers as attendees: the members of the circles the caller is in or
	 * manages, and of the circle that serves the caller (an AE's own circle).
	 */
	private List<Person> attendeeChoices(CallContext caller) {
		if (caller.person() == null) {
			return List.of();
		}
		var circleIds = new HashSet<UUID>(caller.memberOf());
		circleIds.addAll(caller.manages());
		organisation.circleServing(PersonId.of(caller.personId())).ifPresent(circle -> circleIds.add(circle.id()));
		var members = organisation.circlesById(CircleId.ofAll(circleIds)).stream().flatMap(circle -> circle.memberIds().stream())
				.collect(Collectors.toSet());
		return organisation.peopleById(PersonId.ofAll(members)).stream().sorted(Comparator.comparing(Person::name)).toList();
	}

	@GetMapping("/governance/onsite")
	String onsites(Model model) {
		var requests = onsites.list(null, null, new Page.Request(0, 100)).items().stream()
				.map(OnsiteRequestController.OnsiteView::of).toList();
		var opportunityNames = new HashMap<UUID, String>();
		pipeline.opportunities(requests.stream().map(OnsiteRequestController.OnsiteView::opportunityId).map(OpportunityId::of)
				.collect(Collectors.toSet())).forEach(o -> opportunityNames.put(o.id(), o.name()));
		model.addAttribute("requests", requests);
		model.addAttribute("opportunities", fileable(callers.current()));
		model.addAttribute("opportunityNames", opportunityNames);
		model.addAttribute("people", names(requests.stream().map(OnsiteRequestController.OnsiteView::requesterId)
				.collect(Collectors.toSet())));
		model.addAttribute("staff", attendeeChoices(callers.current()));
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
			redirect.addFlashAttribute("notice", words.get("onsite.filed"));
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
		var named = new HashSet<UUID>(request.attendeeIds());
		Stream.of(request.requesterId(), request.saManagerId(), request.asmId(), request.rejectedBy(), request.csmId())
				.filter(Objects::nonNull).forEach(named::add);
		var names = names(named);
		model.addAttribute("r", OnsiteRequestController.OnsiteView.of(request));
		model.addAttribute("attendees", String.join(", ", request.attendeeIds().stream()
				.map(person -> names.getOrDefault(person, words.get("gov.someone"))).toList()));
		model.addAttribute("opportunity", pipeline.opportunity(OpportunityId.of(request.opportunityId())));
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
			redirect.addFlashAttribute("notice", words.get("onsite.approved-as", words.of(as)));
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
			redirect.addFlashAttribute("notice", words.get("onsite.rejected"));
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/governance/onsite/" + id;
	}
}
