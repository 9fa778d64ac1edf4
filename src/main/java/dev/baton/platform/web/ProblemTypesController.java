package dev.baton.platform.web;

import java.util.Comparator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;

/**
 * Documents every problem type at the URI its {@code type} names, so a client developer who
 * follows the link learns what went wrong and what to do.
 */
@Controller
class ProblemTypesController {

	@GetMapping("/problems")
	String all(Model model) {
		model.addAttribute("types", ProblemType.all().stream().sorted(Comparator.comparing(ProblemType::slug)).toList());
		return "problems";
	}

	@GetMapping("/problems/{slug}")
	String one(@PathVariable String slug, Model model) {
		var type = ProblemType.all().stream().filter(t -> t.slug().equals(slug)).findFirst()
				.orElseThrow(() -> BatonException.notFound("Problem type", slug));
		model.addAttribute("types", java.util.List.of(type));
		return "problems";
	}
}
