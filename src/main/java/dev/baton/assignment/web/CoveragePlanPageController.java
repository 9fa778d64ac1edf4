package dev.baton.assignment.web;


import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.assignment.Assignments;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;

/**
 * The web form behind the Accept plan button of the circle page and of My work: accepts the
 * person's coverage plan as proposed (the same service as the API) and goes back to the page.
 */
@Controller
@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ADMIN')")
class CoveragePlanPageController {

	private static final java.util.regex.Pattern CIRCLE_PAGE = java.util.regex.Pattern
			.compile("/circles/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final Assignments assignments;
	private final Words words;

	CoveragePlanPageController(Assignments assignments, Words words) {
		this.assignments = assignments;
		this.words = words;
	}

	@PostMapping("/people/{id}/coverage-plan/acceptance")
	String accept(@PathVariable PersonId id, @RequestParam(name = "returnTo", required = false) String returnTo,
			RedirectAttributes redirect) {
		try {
			var accepted = assignments.acceptCoveragePlan(id, null);
			redirect.addFlashAttribute("notice", accepted.uncovered().isEmpty()
					? words.get("coverage.accepted", accepted.name(), accepted.handedOver().size())
					: words.get("coverage.accepted.uncovered", accepted.name(), accepted.handedOver().size(),
							accepted.uncovered().size()));
		} catch (BatonException refused) {
			redirect.addFlashAttribute("error", refused.getMessage());
		}
		return "redirect:" + safe(returnTo);
	}

	/** Back to the page the button is on: a circle page or My work, never anywhere else. */
	private static String safe(String returnTo) {
		return returnTo != null && CIRCLE_PAGE.matcher(returnTo).matches() ? returnTo : "/my/work";
	}
}
