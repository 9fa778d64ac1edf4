package dev.baton.organisation.web;

import java.util.ArrayList;
import java.util.Comparator;
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
import dev.baton.organisation.Boards;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Circles;
import dev.baton.organisation.People;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.web.PageForms.Option;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;

/**
 * The administrators' pages for circles: list and create circles, set the board, manager, chat
 * channel and webhook, and choose the SAs who are members and the AEs the circle serves.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CirclesAdminPageController {

	private final Boards boards;
	private final People people;
	private final Circles circles;
	private final Words words;

	CirclesAdminPageController(Boards boards, People people, Circles circles, Words words) {
		this.words = words;
		this.boards = boards;
		this.people = people;
		this.circles = circles;
	}

	/** A circle in the list. */
	record CircleRow(UUID id, String name, String board, String manager, int members, int servedAes, boolean webhook) {
	}

	/** A person to tick: chosen or not, and the circle they are in now, if another. */
	record Choice(UUID id, String name, boolean chosen, String elsewhere) {
	}

	@GetMapping("/admin/circles")
	String circles(Model model) {
		return circles(Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/circles")
	String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		try {
			var circle = circles.createCircle(details(form), List.of(), List.of());
			redirect.addFlashAttribute("notice", words.get("admin.circle-created", circle.name()));
			return "redirect:/admin/circles/" + circle.id();
		}
		catch (BatonException refused) {
			return circles(form, PageForms.errors(refused), model);
		}
	}

	@GetMapping("/admin/circles/{id}")
	String circle(@PathVariable CircleId id, Model model) {
		return circle(circles.circle(id), Map.of(), null, null, Map.of(), model);
	}

	@PostMapping("/admin/circles/{id}")
	String update(@PathVariable CircleId id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var circle = circles.circle(id);
		try {
			circles.updateCircle(id, details(form), PageForms.version(form));
			redirect.addFlashAttribute("notice", words.get("admin.circle-saved"));
			return "redirect:/admin/circles/" + id;
		}
		catch (BatonException refused) {
			return circle(circle, form, null, null, PageForms.errors(refused), model);
		}
	}

	@PostMapping("/admin/circles/{id}/members")
	String members(@PathVariable CircleId id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		var circle = circles.circle(id);
		var chosen = ids(form.getOrDefault("memberIds", List.of()));
		try {
			circles.replaceMembers(id, chosen, PageForms.version(form.toSingleValueMap()));
			redirect.addFlashAttribute("notice", words.get("admin.members-saved"));
			return "redirect:/admin/circles/" + id;
		}
		catch (BatonException refused) {
			var errors = new LinkedHashMap<String, String>();
			PageForms.errors(refused).forEach((field, message) -> errors.merge("memberIds", message, (a, b) -> a + "; " + b));
			return circle(circle, Map.of(), chosen, null, errors, model);
		}
	}

	@PostMapping("/admin/circles/{id}/served-aes")
	String servedAes(@PathVariable CircleId id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		var circle = circles.circle(id);
		var chosen = ids(form.getOrDefault("servedAeIds", List.of()));
		try {
			circles.replaceServedAes(id, chosen, PageForms.version(form.toSingleValueMap()));
			redirect.addFlashAttribute("notice", words.get("admin.aes-saved"));
			return "redirect:/admin/circles/" + id;
		}
		catch (BatonException refused) {
			var errors = new LinkedHashMap<String, String>();
			PageForms.errors(refused).forEach((field, message) -> errors.merge("servedAeIds", message, (a, b) -> a + "; " + b));
			return circle(circle, Map.of(), null, chosen, errors, model);
		}
	}

	private static List<UUID> ids(List<String> values) {
		var ids = new ArrayList<UUID>();
		for (var value : values) {
			try {
				ids.add(UUID.fromString(value));
			}
			catch (IllegalArgumentException e) {
				throw BatonException.invalid("memberIds", "is not an id: " + value);
			}
		}
		return ids;
	}

	private static Circles.CircleDetails details(Map<String, String> form) {
		return new Circles.CircleDetails(form.getOrDefault("name", ""), PageForms.value(form, "boardKey"),
				PageForms.id(form, "managerId"), PageForms.value(form, "chatChannel"),
				PageForms.value(form, "chatWebhookUrl"));
	}

	private String circles(Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("circles", circles.circles().stream().sorted(Comparator.comparing(Circle::name))
				.map(c -> new CircleRow(c.id(), c.name(), c.boardKey(), name(c.managerId()), c.memberIds().size(),
						c.servedAeIds().size(), c.chatWebhookUrl() != null))
				.toList());
		addChoices(model);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/circles";
	}

	private String circle(Circle circle, Map<String, String> form, List<UUID> members, List<UUID> aes,
			Map<String, String> errors, Model model) {
		var values = new LinkedHashMap<String, String>();
		values.put("name", circle.name());
		values.put("boardKey", circle.boardKey());
		values.put("managerId", circle.managerId() == null ? "" : circle.managerId().toString());
		values.put("chatChannel", circle.chatChannel() == null ? "" : circle.chatChannel());
		values.put("chatWebhookUrl", circle.chatWebhookUrl() == null ? "" : circle.chatWebhookUrl());
		values.putAll(form);
		var chosenMembers = members == null ? circle.memberIds() : members;
		var chosenAes = aes == null ? circle.servedAeIds() : aes;
		var others = circles.circles().stream().filter(c -> !c.id().equals(circle.id())).toList();
		model.addAttribute("circle", circle);
		model.addAttribute("form", values);
		model.addAttribute("errors", errors);
		model.addAttribute("members", choices(Role.SA, chosenMembers, others, true));
		model.addAttribute("aes", choices(Role.AE, chosenAes, others, false));
		addChoices(model);
		return "admin/circle";
	}

	private List<Choice> choices(Role role, List<UUID> chosen, List<Circle> others, boolean members) {
		return people.people(role).stream().sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
				.map(p -> new Choice(p.id(), p.name(), chosen.contains(p.id()), others.stream()
						.filter(c -> (members ? c.memberIds() : c.servedAeIds()).contains(p.id())).map(Circle::name)
						.findFirst().orElse(null)))
				.toList();
	}

	private void addChoices(Model model) {
		model.addAttribute("boards", boards.boards().stream().map(b -> new Option(b.key(), b.name())).toList());
		model.addAttribute("managers", people.people(Role.SA_MANAGER).stream()
				.sorted(Comparator.comparing(Person::name)).map(p -> new Option(p.id().toString(), p.name())).toList());
	}

	private String name(UUID personId) {
		return personId == null ? null : people.findPerson(PersonId.of(personId)).map(Person::name).orElse(null);
	}
}
