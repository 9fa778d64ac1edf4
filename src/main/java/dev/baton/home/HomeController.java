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

import dev.baton.identity.UserDirectory;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.Account;
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

	HomeController(UserDirectory users, Organisation organisation, Pipeline pipeline,
			dev.baton.pipeline.BookedFigures booked, java.time.Clock clock) {
		this.booked = booked;
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
		var person = organisation.personForUser(account.id());
		model.addAttribute("account", account);
		model.addAttribute("person", person.orElse(null));
		var internal = account.roles().stream().anyMatch(dev.baton.identity.Role::isInternal);
		model.addAttribute("internal", internal);
		if (internal) {
			var people = organisation.people(null).stream().collect(Collectors.toMap(Person::id, Function.identity()));
			model.addAttribute("people", people);
			model.addAttribute("boards", organisation.boards());
			model.addAttribute("today", java.time.LocalDate.now(clock));
			model.addAttribute("circles", organisation.circles());
			person.ifPresent(p -> model.addAttribute("myOpportunities",
					pipeline.opportunities(p.id(), null, null, new Page.Request(0, 50)).items()));
			model.addAttribute("accounts", accountsById());
		}
		return "home";
	}

	@GetMapping("/opportunities")
	@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
	String opportunities(@RequestParam(required = false) Stage stage, @RequestParam(required = false) Segment segment,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var opportunities = pipeline.opportunities(null, stage, segment, new Page.Request(page, 50));
		model.addAttribute("page", opportunities);
		// the booked ARR and next renewal of each opportunity's subscriptions, as the CRM receives them
		model.addAttribute("booked", booked.ofOpportunities(opportunities.items().stream()
				.map(dev.baton.pipeline.Opportunity::id).toList()).stream()
				.collect(Collectors.groupingBy(dev.baton.pipeline.BookedFigures.Line::opportunityId)));
		model.addAttribute("stages", Stage.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("stage", stage);
		model.addAttribute("segment", segment);
		model.addAttribute("accounts", accountsById());
		model.addAttribute("people", organisation.people(null).stream().collect(Collectors.toMap(Person::id, Function.identity())));
		return "opportunities";
	}

	private Map<UUID, Account> accountsById() {
		return pipeline.accounts().stream().collect(Collectors.toMap(Account::id, Function.identity()));
	}
}
