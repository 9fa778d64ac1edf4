package dev.baton.assignment.domain;

import java.util.List;

import dev.baton.assignment.AssignmentRule;
import dev.baton.organisation.Absence;
import dev.baton.platform.Decision;

/**
 * When an absence needs a coverage plan (brief, rule 6): the circle covers an absence as usual
 * (allowed) unless it lasts over two weeks or the SA holds a request for a customer on an active
 * trial (a POV); each of those refuses "as usual" with its reason, and a refusal means a plan is
 * needed.
 */
public final class CoveragePolicy {

	public static final int LONG_ABSENCE_DAYS = 14;

	private CoveragePolicy() {
	}

	public static Decision decide(Absence absence, List<Candidate.OpenWork> held) {
		var trials = held.stream().filter(w -> w.pov() && !w.assist()).count();
		return Decision.check()
				.refuseIf(absence.days() > LONG_ABSENCE_DAYS, AssignmentRule.COVERAGE_LONG_ABSENCE,
						() -> "away " + absence.days() + " days (" + Texts.days(absence.startDate(), absence.endDate())
								+ "), over 2 weeks")
				.refuseIf(trials > 0, AssignmentRule.COVERAGE_CUSTOMER_TRIAL,
						() -> "holds " + Texts.count(trials, "customer trial (POV)", "customer trials (POV)"))
				.decide();
	}

	/** Why a plan is needed (the refusals' reasons), or why the circle covers as usual. */
	public static List<String> reasons(Decision decision, Absence absence) {
		if (decision.isAllowed()) {
			return List.of("away " + absence.days() + " days and no customer trial: the circle covers as usual");
		}
		return decision.refusals().stream().map(Decision.Refusal::reason).toList();
	}
}
