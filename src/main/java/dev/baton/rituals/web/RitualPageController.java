package dev.baton.rituals.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Words;
import dev.baton.rituals.CalendarFeeds;
import dev.baton.rituals.Ritual;
import dev.baton.rituals.Rituals;
import dev.baton.rituals.domain.RitualPolicies;

/**
 * The rituals page: a circle's planned rituals, "Plan now" and a new feed address offered as the
 * planning and feed policies decide.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class RitualPageController {

	private final Rituals rituals;
	private final CalendarFeeds feeds;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CallContexts callers;
	private final Words words;

	RitualPageController(Rituals rituals, CalendarFeeds feeds, Pipeline pipeline, Organisation organisation,
			CallContexts callers, Words words) {
		this.rituals = rituals;
		this.feeds = feeds;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.callers = callers;
		this.words = words;
	}

	/** A ritual occurrence as the page lists it. */
	record RitualRow(LocalDate day, String ritual, String who) {
	}

	@GetMapping("/governance/rituals")
	String rituals(@RequestParam(required = false) UUID circleId, Model model) {
		var circles = organisation.circles();
		var caller = callers.current();
		var chosen = circleId;
		if (chosen == null) {
			// the caller's own circle, else the first one they manage, else the first of all
			chosen = caller.memberOf().stream().findFirst().or(() -> caller.manages().stream().sorted().findFirst())
					.orElse(circles.isEmpty() ? null : circles.get(0).id());
		}
		var wanted = chosen;
		// the circle is in the list already; one that is not there (unknown id) answers 404
		var circle = wanted == null ? null
				: circles.stream().filter(c -> c.id().equals(wanted)).findFirst()
						.orElseGet(() -> organisation.circle(CircleId.of(wanted)));
		var none = Decision.allowed();
		model.addAttribute("circles", circles);
		model.addAttribute("circleId", chosen);
		model.addAttribute("mayPlan", circle == null ? none : RitualPolicies.mayPlan(circle, caller));
		model.addAttribute("mayIssueFeed", circle == null ? none : RitualPolicies.mayIssueFeed(circle, caller));
		model.addAttribute("rituals", circle == null ? List.of() : rows(circle));
		return "rituals/rituals";
	}

	private List<RitualRow> rows(Circle circle) {
		var planned = rituals.upcoming(circle, 120);
		// the presenters' and the deals' names, read by id
		var names = new HashMap<UUID, String>();
		organisation.peopleById(planned.stream().flatMap(r -> r.presenterIds().stream()).map(PersonId::of)
				.collect(Collectors.toSet()))
				.forEach(p -> names.put(p.id(), p.name()));
		var deals = new HashMap<UUID, String>();
		pipeline.opportunities(planned.stream().flatMap(r -> r.opportunityIds().stream()).map(OpportunityId::of).collect(Collectors.toSet()))
				.forEach(o -> deals.put(o.id(), o.name()));
		return planned.stream().map((Ritual r) -> new RitualRow(r.day(),
				r.kind().label(), String.join(" and ", r.presenterIds().stream()
						.map(id -> names.getOrDefault(id, "Someone")).toList())
						+ String.join("; ", r.opportunityIds().stream().map(id -> deals.getOrDefault(id, "?")).toList())))
				.toList();
	}

	@PostMapping("/governance/rituals/feed")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ADMIN')")
	String issueFeed(@RequestParam CircleId circleId, RedirectAttributes redirect) {
		try {
			var feed = feeds.issue(circleId, callers.current());
			redirect.addFlashAttribute("feedUrl",
					ServletUriComponentsBuilder.fromCurrentContextPath().path(feed.path()).toUriString());
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/governance/rituals?circleId=" + circleId;
	}

	// a refusal is not caught: the page never offers the button to those the policy refuses
	@PostMapping("/governance/rituals/plan")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ADMIN')")
	String plan(@RequestParam CircleId circleId, RedirectAttributes redirect) {
		var added = rituals.plan(circleId, callers.current());
		redirect.addFlashAttribute("notice", words.get("rituals.planned", added));
		return "redirect:/governance/rituals?circleId=" + circleId;
	}
}
