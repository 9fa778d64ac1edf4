package dev.baton.organisation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.identity.Role;
import dev.baton.identity.UserAccount;
import dev.baton.identity.UserDirectory;
import dev.baton.identity.UserId;
import dev.baton.organisation.People;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Regions;
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;
import dev.baton.organisation.web.PageForms.Option;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Words;

/**
 * The administrators' pages for people: a paged list, creating and editing a person (role,
 * seniority, segment, time zone, manager, login), their skills with levels, and the roles of
 * their login.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PeopleAdminPageController {

	/** People per page of the list. */
	static final int PAGE_SIZE = 25;
	/** Empty skill rows offered below a person's skills. */
	private static final int NEW_SKILL_ROWS = 3;

	private final Regions regions;
	private final People people;
	private final UserDirectory users;
	private final Words words;

	PeopleAdminPageController(Regions regions, People people, UserDirectory users, Words words) {
		this.words = words;
		this.regions = regions;
		this.people = people;
		this.users = users;
	}

	/** A person in the list. */
	record PersonRow(UUID id, String name, String role, String title, String email, String manager) {
	}

	/** One row of the skills form. */
	record SkillRow(int index, String name, String level) {
	}

	@GetMapping("/admin/people")
	String people(@RequestParam(required = false) Role role, @RequestParam(defaultValue = "0") int page, Model model) {
		// the page's people only, each with the name of their manager
		var shown = people.page(role, new Page.Request(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("page", shown.map(l -> new PersonRow(l.person().id(), l.person().name(),
				l.person().role().name(), l.person().title(), l.person().email(), l.managerName())));
		model.addAttribute("role", role);
		model.addAttribute("roles", Role.values());
		return "admin/people";
	}

	@GetMapping("/admin/people/new")
	String newPerson(Model model) {
		return person(null, Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/people")
	String create(@RequestParam MultiValueMap<String, String> parameters, Model model, RedirectAttributes redirect) {
		var form = parameters.toSingleValueMap();
		try {
			var details = details(form);
			var person = people.createPerson(details, skills(form));
			redirect.addFlashAttribute("notice", words.get("admin.person-added", person.name()));
			return "redirect:/admin/people/" + person.id();
		}
		catch (BatonException refused) {
			var errors = new LinkedHashMap<String, String>();
			// every skill's refusal is shown above the skills
			PageForms.errors(refused).forEach((field, message) -> {
				var skill = field.startsWith("skills.");
				errors.merge(skill ? "skills" : field, skill ? field.substring(7) + ": " + message : message,
						(a, b) -> a + "; " + b);
			});
			return person(null, form, errors, model);
		}
	}

	@GetMapping("/admin/people/{id}")
	String edit(@PathVariable PersonId id, Model model) {
		return person(people.person(id), Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/people/{id}")
	String update(@PathVariable PersonId id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var person = people.person(id);
		try {
			people.updatePerson(id, details(form), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.details-saved"));
			return "redirect:/admin/people/" + id;
		}
		catch (BatonException refused) {
			return person(person, form, PageForms.errors(refused), model);
		}
	}

	@PostMapping("/admin/people/{id}/skills")
	String skills(@PathVariable PersonId id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var person = people.person(id);
		try {
			people.replaceSkills(id, skills(form), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.skills-saved"));
			return "redirect:/admin/people/" + id;
		}
		catch (BatonException refused) {
			var errors = new LinkedHashMap<String, String>();
			// the skills form shows every refusal together, above the skills
			PageForms.errors(refused).forEach((field, message) -> errors.merge(PageForms.FORM.equals(field) ? field : "skills",
					(field.isEmpty() || PageForms.FORM.equals(field) ? "" : field + ": ") + message, (a, b) -> a + "; " + b));
			return person(person, form, errors, model);
		}
	}

	@PostMapping("/admin/people/{id}/login-roles")
	String loginRoles(@PathVariable PersonId id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		var person = people.person(id);
		if (person.userId() == null) {
			throw BatonException.invalid("userId", "the person has no login");
		}
		try {
			var account = users.find(UserId.of(person.userId()));
			var roles = EnumSet.noneOf(Role.class);
			for (var name : form.getOrDefault("roles", List.of())) {
				try {
					roles.add(Role.valueOf(name));
				}
				catch (IllegalArgumentException e) {
					throw BatonException.invalid("roles", "is not a role: " + name);
				}
			}
			var loginVersion = form.getFirst("loginVersion");
			var version = PageForms.version(Map.of("version", loginVersion == null ? "" : loginVersion));
			users.update(UserId.of(account.id()), new dev.baton.identity.UserDirectory.UserChange(account.displayName(),
					account.email(), roles, account.enabled()), version);
			redirect.addFlashAttribute("notice", words.get("admin.login-roles-saved"));
			return "redirect:/admin/people/" + id;
		}
		catch (BatonException refused) {
			var errors = new LinkedHashMap<String, String>();
			PageForms.errors(refused).forEach((field, message) -> errors.merge("loginRoles", message, (a, b) -> a + "; " + b));
			return person(person, Map.of(), errors, model);
		}
	}

	private People.PersonDetails details(Map<String, String> form) {
		var errors = new ArrayList<FieldError>();
		Role role = null;
		Seniority seniority = null;
		Segment segment = null;
		UUID managerId = null;
		UUID userId = null;
		try {
			role = PageForms.value(form, "role") == null ? null : Role.valueOf(PageForms.value(form, "role"));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError("role", "is not a role: " + form.get("role")));
		}
		try {
			seniority = PageForms.value(form, "seniority") == null ? null : Seniority.valueOf(PageForms.value(form, "seniority"));
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError("seniority", "is not a seniority: " + form.get("seniority")));
		}
		var segmentText = PageForms.value(form, "segment");
		if (segmentText != null) {
			segment = Segment.parse(segmentText).orElse(null);
			if (segment == null) {
				errors.add(new FieldError("segment", "is not a segment: " + segmentText));
			}
		}
		try {
			managerId = PageForms.id(form, "managerId");
		}
		catch (BatonException refused) {
			errors.addAll(refused.fieldErrors());
		}
		var login = PageForms.value(form, "login");
		if (login != null) {
			var account = users.findByUsername(login).orElse(null);
			if (account == null) {
				errors.add(new FieldError("login", "is not a known login: " + login));
			}
			else {
				userId = account.id();
			}
		}
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, "Some values cannot be read", errors, Map.of());
		}
		return new People.PersonDetails(form.getOrDefault("name", ""), form.getOrDefault("email", ""),
				form.getOrDefault("title", ""), role, seniority, segment, PageForms.value(form, "regionKey"),
				PageForms.value(form, "timeZone"), managerId, userId);
	}

	/** The skill rows of the form: {@code skill.N.name} with {@code skill.N.level}; rows without a name are left out. */
	private static Map<String, SkillLevel> skills(Map<String, String> form) {
		var skills = new LinkedHashMap<String, SkillLevel>();
		var errors = new ArrayList<FieldError>();
		for (int i = 0; form.containsKey("skill." + i + ".name"); i++) {
			var name = PageForms.value(form, "skill." + i + ".name");
			if (name == null) {
				continue;
			}
			try {
				skills.put(name, SkillLevel.valueOf(form.getOrDefault("skill." + i + ".level", "")));
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError("skills." + name, "choose a level"));
			}
		}
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, "Some skills have no level", errors, Map.of());
		}
		return skills;
	}

	private String person(Person person, Map<String, String> form, Map<String, String> errors, Model model) {
		var values = new LinkedHashMap<String, String>();
		var skillRows = new ArrayList<SkillRow>();
		UserAccount login = null;
		if (person != null) {
			values.put("name", person.name());
			values.put("email", person.email());
			values.put("title", person.title());
			values.put("role", person.role().name());
			values.put("seniority", person.seniority() == null ? "" : person.seniority().name());
			values.put("segment", person.segment() == null ? "" : person.segment().name());
			values.put("regionKey", person.regionKey() == null ? "" : person.regionKey());
			values.put("timeZone", person.timeZone() == null ? "" : person.timeZone().getId());
			values.put("managerId", person.managerId() == null ? "" : person.managerId().toString());
			if (person.userId() != null) {
				login = users.find(UserId.of(person.userId()));
				values.put("login", login.username());
			}
			person.skills().entrySet().stream().sorted(Map.Entry.comparingByKey())
					.forEach(e -> skillRows.add(new SkillRow(skillRows.size(), e.getKey(), e.getValue().name())));
		}
		values.putAll(form);
		if (!form.isEmpty() && form.containsKey("skill.0.name")) {
			// show the skills as they were sent
			skillRows.clear();
			for (int i = 0; form.containsKey("skill." + i + ".name"); i++) {
				skillRows.add(new SkillRow(i, form.get("skill." + i + ".name"), form.getOrDefault("skill." + i + ".level", "")));
			}
		}
		for (int i = 0; i < NEW_SKILL_ROWS; i++) {
			skillRows.add(new SkillRow(skillRows.size(), "", ""));
		}
		var managers = people.people(null).stream()
				.filter(p -> person == null || !p.id().equals(person.id()))
				.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
				.map(p -> new Option(p.id().toString(), p.name() + " (" + p.role().name() + ")")).toList();
		model.addAttribute("person", person);
		model.addAttribute("pageTitle", person == null ? words.get("admin.new-person") : person.name());
		model.addAttribute("login", login);
		model.addAttribute("form", values);
		model.addAttribute("skillRows", skillRows);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("seniorities", Seniority.values());
		model.addAttribute("segments", Segment.values());
		model.addAttribute("levels", SkillLevel.values());
		model.addAttribute("regions", PageForms.regionOptions(regions));
		model.addAttribute("managers", managers);
		return "admin/person";
	}
}
