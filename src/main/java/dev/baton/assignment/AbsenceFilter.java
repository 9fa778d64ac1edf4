package dev.baton.assignment;

import java.util.Optional;

import dev.baton.organisation.Absence;
import dev.baton.organisation.AbsenceKind;

/**
 * Excludes an SA who is away (PTO or sick) on any of the request's preferred meeting days, taken
 * in the board's time zone; without preferred dates, one away today.
 */
final class AbsenceFilter implements CandidateFilter {

	static final String NAME = "absence";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<String> exclude(RequestFacts request, Candidate candidate) {
		for (var day : request.meetingDays()) {
			for (var absence : candidate.absences()) {
				if (absence.covers(day)) {
					return Optional.of(describe(absence));
				}
			}
		}
		return Optional.empty();
	}

	static String describe(Absence absence) {
		var what = absence.kind() == AbsenceKind.SICK ? "off sick " : "on PTO ";
		return what + Texts.days(absence.startDate(), absence.endDate());
	}
}
