package dev.baton.organisation;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The organisation module's problem types.
 */
final class OrganisationProblems {

	static final ProblemType REGION_EXISTS = ProblemType.of("organisation-region-exists", HttpStatus.CONFLICT,
			"Region exists", "A region with this key exists already.");
	static final ProblemType BOARD_EXISTS = ProblemType.of("organisation-board-exists", HttpStatus.CONFLICT,
			"Board exists", "A triage board with this key exists already.");
	static final ProblemType CIRCLE_NAME_TAKEN = ProblemType.of("organisation-circle-name-taken", HttpStatus.CONFLICT,
			"Circle name taken", "Another circle already has this name (names are compared ignoring case).");
	static final ProblemType SA_IN_ANOTHER_CIRCLE = ProblemType.of("organisation-sa-in-another-circle",
			HttpStatus.CONFLICT, "SA in another circle",
			"A solutions architect is a member of one circle only; remove them from their circle first.");
	static final ProblemType AE_SERVED_ELSEWHERE = ProblemType.of("organisation-ae-served-elsewhere",
			HttpStatus.CONFLICT, "AE served by another circle",
			"An account executive is served by one circle only; remove them from the other circle first.");
	static final ProblemType PERSON_EMAIL_TAKEN = ProblemType.of("organisation-person-email-taken", HttpStatus.CONFLICT,
			"E-mail taken", "Another person already has this e-mail address.");
	static final ProblemType USER_ALREADY_LINKED = ProblemType.of("organisation-user-already-linked",
			HttpStatus.CONFLICT, "User account already linked",
			"The user account is already linked to another person.");
	static final ProblemType PERSON_IN_CIRCLE = ProblemType.of("organisation-person-in-circle", HttpStatus.CONFLICT,
			"Person is in a circle",
			"The change does not fit the person's place in a circle; change the circle first.");
	static final ProblemType ABSENCE_OVERLAPS = ProblemType.of("organisation-absence-overlaps", HttpStatus.CONFLICT,
			"Absence overlaps", "The person already has an absence on some of these days.");

	private OrganisationProblems() {
	}
}
