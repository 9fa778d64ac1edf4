package dev.baton.assignment.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.baton.assignment.AssignmentProblems;
import dev.baton.assignment.Assignments;
import dev.baton.assignment.domain.Recommender;
import dev.baton.assignment.domain.Texts;
import dev.baton.engagement.SaRequestId;
import dev.baton.platform.BatonException;

/**
 * The ranked SAs for a request as an HTML fragment, which the request page loads with htmx: each
 * row with its score per factor, its reasons and a form to assign that SA.
 */
@Controller
@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ADMIN')")
class RecommendationsFragmentController {

	private final Assignments assignments;

	RecommendationsFragmentController(Assignments assignments) {
		this.assignments = assignments;
	}

	/** One factor of a row's score, as written on the page. */
	record FactorRow(String factor, String weight, String value, String points, List<String> reasons) {
	}

	/** One ranked SA, as written on the page. */
	record Row(int rank, UUID personId, String name, String seniority, String circleName, boolean otherCircle,
			String total, String load, dev.baton.assignment.domain.CapacityPolicy.Status loadStatus, List<FactorRow> factors, List<String> reasons,
			Recommender.Tier tier, boolean firstOfTier) {
	}

	/** One excluded SA and why. */
	record ExcludedRow(String name, String circleName, boolean otherCircle, List<String> filters, List<String> reasons) {
	}

	@GetMapping("/requests/{id}/recommendations")
	String recommendations(@PathVariable SaRequestId id,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "true") boolean assign, Model model) {
		model.addAttribute("requestId", id);
		model.addAttribute("assign", assign);
		try {
			var recommendations = assignments.recommend(id);
			model.addAttribute("circleName", recommendations.circleName());
			model.addAttribute("strategic", recommendations.strategic());
			model.addAttribute("note", recommendations.note());
			var rows = new java.util.ArrayList<Row>();
			Recommender.Tier previous = null;
			for (var ranked : recommendations.recommendations()) {
				rows.add(row(ranked, ranked.tier() != previous));
				previous = ranked.tier();
			}
			model.addAttribute("rows", rows);
			model.addAttribute("excluded", recommendations.excluded().stream()
					.map(e -> new ExcludedRow(e.name(), e.circleName(), e.otherCircle(), e.filters(), e.reasons())).toList());
		}
		catch (BatonException refused) {
			if (refused.type() != AssignmentProblems.REQUEST_CLOSED && refused.type() != AssignmentProblems.NO_CIRCLE) {
				throw refused;
			}
			// a closed request or one on no circle's board has nobody to recommend: say so in place
			model.addAttribute("unavailable", refused.getMessage());
			model.addAttribute("rows", List.of());
			model.addAttribute("excluded", List.of());
		}
		return "work/recommendations :: recommendations";
	}

	private static Row row(Recommender.Ranked ranked, boolean firstOfTier) {
		var factors = ranked.factors().stream().map(f -> new FactorRow(f.factor(), Texts.number(f.weight()),
				Texts.number(f.value()), Texts.number(f.points()), f.reasons())).toList();
		return new Row(ranked.rank(), ranked.personId(), ranked.name(),
				ranked.seniority() == null ? null : Labels.seniority(ranked.seniority()), ranked.circleName(),
				ranked.otherCircle(), Texts.number(ranked.total()), Texts.number(ranked.load()),
				ranked.loadStatus(), factors, ranked.reasons(), ranked.tier(),
				firstOfTier);
	}
}
