package dev.baton.assignment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.baton.assignment.Assignments;
import dev.baton.assignment.domain.Recommender;

/**
 * A proposed PTO coverage plan as the pages show it: the absence, whether a plan is needed and
 * why, and the proposed cover for each request. The absence kind is the enum name; the page words it.
 */
record CoverageView(UUID personId, String name, String absenceKind, LocalDate startDate, LocalDate endDate,
		boolean needed, List<String> reasons, List<CoverRow> covers) {

	/** Who would cover one request (with their circle when it is another one), and the runners-up. */
	record CoverRow(UUID requestId, String title, String proposed, String proposedCircle, String proposedReasons,
			List<String> alternatives, String note) {
	}

	static CoverageView of(Assignments.CoveragePlan plan) {
		var absence = plan.absence();
		var covers = plan.requests().stream().map(c -> new CoverRow(c.requestId(), c.title(),
				c.proposed() == null ? null : c.proposed().name(),
				c.proposed() != null && c.proposed().otherCircle() ? c.proposed().circleName() : null,
				c.proposed() == null ? null : String.join("; ", c.proposed().reasons()),
				c.alternatives().stream().map(Recommender.Ranked::name).toList(), c.note())).toList();
		return new CoverageView(plan.personId(), plan.name(),
				absence == null ? null : absence.kind().name(),
				absence == null ? null : absence.startDate(), absence == null ? null : absence.endDate(), plan.needed(),
				plan.reasons(), covers);
	}
}
