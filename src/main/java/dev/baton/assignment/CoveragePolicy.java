package dev.baton.assignment;

import java.util.ArrayList;
import java.util.List;

import dev.baton.organisation.Absence;

/**
 * When an absence needs a coverage plan (brief, rule 6): when it lasts over two weeks, or when the
 * SA holds a request for a customer on an active trial (a POV). Shorter absences are covered by
 * the circle as usual.
 */
final class CoveragePolicy {

	static final int LONG_ABSENCE_DAYS = 14;

	private CoveragePolicy() {
	}

	/** Whether a plan is needed, and why (or why not). */
	record Decision(boolean needed, List<String> reasons) {

		Decision {
			reasons = List.copyOf(reasons);
		}
	}

	static Decision decide(Absence absence, List<Candidate.OpenWork> held) {
		var reasons = new ArrayList<String>();
		if (absence.days() > LONG_ABSENCE_DAYS) {
			reasons.add("away " + absence.days() + " days (" + Texts.days(absence.startDate(), absence.endDate())
					+ "), over 2 weeks");
		}
		var trials = held.stream().filter(w -> w.pov() && !w.assist()).count();
		if (trials > 0) {
			reasons.add("holds " + Texts.count(trials, "customer trial (POV)", "customer trials (POV)"));
		}
		if (reasons.isEmpty()) {
			return new Decision(false, List.of("away " + absence.days() + " days and no customer trial: the circle covers as usual"));
		}
		return new Decision(true, reasons);
	}
}
