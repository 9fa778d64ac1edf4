package dev.baton.home;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.engagement.Worklists;
import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.Page;

/**
 * The home page and the opportunity list.
 */
@Controller
class HomeController {

	private final UserDirectory users;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final dev.baton.pipeline.BookedFigures booked;
	private final java.time.Clock clock;
	private final Worklists worklists;
	private final CallContexts callers;

	HomeController(UserDirectory users, Organisation organisation, Pipeline pipeline,
			dev.baton.pipeline.BookedFigures booked, java.time.Clock clock, Worklists worklists, CallContexts callers) {
		this.booked = booked;
		this.worklists = worklists;
		this.callers = callers;
		this.clock = clock;
		this.users = users;
		this.organisation = organisation;
		this.pipeline = pipeline;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		var account = users.findByUsername(authentication.getName()).orElseThrow();
		if (account.roles().stream().noneMatch(dev.baton.identity.Role::isInternal)) {
			// customers and partners live in their portal
			return "redirect:/portal";
		}
		var caller = callers.currentIfAny().orElse(null);
		var person = caller == null ? java.util.Optional.<Person>empty() : caller.personIfAny();
		model.addAttribute("account", account);
		model.addAttribute("person", person.orElse(null));
		model.addAttribute("internal", true);
		var roles = account.roles();
		var zone = person.map(Person::timeZone).orElse(null);
		var sections = 0;
		if (person.isPresent() && roles.contains(Role.AE)) {
			// the AE: their open requests and what each waits on, and their opportunities
			model.addAttribute("myRequests", worklists.openRequestsOf(PersonId.of(person.get().id()), zone));
			var opportunities = pipeline.opportunities(PersonId.of(person.get().id()), null, null, new Page.Request(0, 20)).items();
			model.addAttribute("myOpportunities", opportunities);
			model.addAttribute("accounts", pipeline.accounts(opportunities.stream().map(o -> AccountId.of(o.accountId()))
					.collect(Collectors.toSet())).stream().collect(Collectors.toMap(Account::id, Function.identity())));
			sections++;
		}
		if (person.isPresent() && (roles.contains(Role.SA) || roles.contains(Role.SA_MANAGER))) {
			// the SA: what needs triage in their circle and what is assigned to them, by due time
			var circles = new java.util.LinkedHashSet<UUID>(caller.memberOf());
			if (!circles.isEmpty()) {
				model.addAttribute("needsTriage", worklists.needsTriage(CircleId.ofAll(circles), zone));
			}
			if (roles.contains(Role.SA)) {
				model.addAttribute("assignedToMe", worklists.assignedTo(PersonId.of(person.get().id()), zone));
			}
			sections++;
		}
		if (person.isPresent() && roles.contains(Role.SA_MANAGER) && !caller.manages().isEmpty()) {
			// the manager: each managed circle's health, and the load of its people on its requests
			var managed = organisation.circlesById(CircleId.ofAll(caller.manages()));
			var health = worklists.health(managed);
			var named = new java.util.HashSet<UUID>();
			managed.forEach(circle -> named.addAll(circle.memberIds()));
			health.forEach(h -> named.addAll(h.openPerPerson().keySet()));
			var names = organisation.peopleById(PersonId.ofAll(named)).stream().collect(Collectors.toMap(Person::id, Person::name));
			model.addAttribute("circleHealth", managed.stream().map(circle -> {
				var circleHealth = health.stream().filter(h -> h.circleId().equals(circle.id())).findFirst().orElseThrow();
				return new CircleView(circle, circleHealth, load(circle, circleHealth.openPerPerson(), names));
			}).toList());
			sections++;
		}
		if (sections == 0) {
			// other roles (admins, ASMs, deal desk, finance): the organisation at a glance
			// the circles' managers and members, read by id: not the AEs and everyone else
			var circles = organisation.circles();
			var shown = new java.util.HashSet<UUID>();
			circles.forEach(circle -> {
				shown.addAll(circle.memberIds());
				shown.add(circle.managerId());
			});
			model.addAttribute("people", organisation.peopleById(PersonId.ofAll(shown)).stream()
					.collect(Collectors.toMap(Person::id, Function.identity())));
			model.addAttribute("boards", organisation.boards());
			model.addAttribute("today", java.time.LocalDate.now(clock));
			model.addAttribute("circles", circles);
			model.addAttribute("overview", true);
		}
		return "home";
	}

	/** A managed circle on the manager's home: its health and each member's open requests. */
	record CircleView(Circle circle, Worklists.CircleHealth health, java.util.List<Load> load) {
	}

	/** One person's open requests of a circle. */
	record Load(String name, long open) {
	}

	/**
	 * A circle's load: each member's open requests of the circle (none included), then anyone
	 * else who holds some of them (an SA of another circle it handed work to), the most first.
	 */
	private static java.util.List<Load> load(Circle circle, Map<UUID, Long> open, Map<UUID, String> names) {
		var people = new java.util.LinkedHashSet<UUID>(circle.memberIds());
		people.addAll(open.keySet());
		return people.stream().map(id -> new Load(names.getOrDefault(id, "someone"), open.getOrDefault(id, 0L)))
				.sorted(java.util.Comparator.comparing(Load::open).reversed().thenComparing(Load::name)).toList();
	}

	@GetMapping("/opportunities")
	@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
	String opportunities(@RequestParam(required = false) Stage stage, @RequestParam(required = false) Segment segment,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var opportunities = pipeline.opportunities(null, stage, segment, new Page.Request(page, 50));
		model.addAttribute("page", opportunities);
		// the booked ARR and next renewal of each opportunity's subscriptions, as the CRM receives them
		model.addAttribute("booked", booked.ofOpportunities(opportunities.items().stream()
				.map(dev.baton.pipeline.Opportunity::id).map(OpportunityId::of).toList()).stream()
				.collect(Collectors.groupingBy(dev.baton.pipeline.BookedFigures.Line::opportunityId)));
		model.addAttribute("stages", Stage.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("stage", stage);
		model.addAttribute("segment", segment);
		// the accounts and owners of this page only, each in one statement
		model.addAttribute("accounts", pipeline.accounts(opportunities.items().stream()
				.map(dev.baton.pipeline.Opportunity::accountId).map(AccountId::of).collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(Account::id, Function.identity())));
		model.addAttribute("people", organisation.peopleById(opportunities.items().stream()
				.map(dev.baton.pipeline.Opportunity::ownerId).filter(java.util.Objects::nonNull).map(PersonId::of)
				.collect(Collectors.toSet()))
				.stream().collect(Collectors.toMap(Person::id, Function.identity())));
		return "opportunities";
	}
}
