package dev.baton.assignment.domain;


import dev.baton.assignment.AssignmentRule;
import dev.baton.organisation.Absence;
import dev.baton.organisation.AbsenceKind;
import dev.baton.platform.Decision;

/**
 * Excludes an SA who is away (PTO or sick) on any of the request's preferred meeting days, taken
 * in the board's time zone; without preferred dates, one away today.
 */
public final class AbsenceFilter implements CandidateFilter {

	public static final String NAME = "absence";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Decision decide(RequestFacts request, Candidate candidate) {
		for (var day : request.meetingDays()) {
			for (var absence : candidate.absences()) {
				if (absence.covers(day)) {
					return Decision.refused(AssignmentRule.ABSENCE, describe(absence));
				}
			}
		}
		return Decision.allowed();
	}

	public static String describe(Absence absence) {
		var what = absence.kind() == AbsenceKind.SICK ? "off sick " : "on PTO ";
		return what + Texts.days(absence.startDate(), absence.endDate());
	}
}
