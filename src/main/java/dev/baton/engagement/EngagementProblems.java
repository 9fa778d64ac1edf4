package dev.baton.engagement;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The engagement module's problem types.
 */
public final class EngagementProblems {

	public static final ProblemType ILLEGAL_TRANSITION = ProblemType.of("sa-request-illegal-transition", HttpStatus.CONFLICT,
			"Not allowed in this state", "The request's current state does not allow this step.");
	public static final ProblemType TRIAGE_RULE = ProblemType.of("sa-request-triage-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"A triage rule is not met", "The circle's triage rules do not allow this yet; see violations[] for each rule.");
	public static final ProblemType NOT_PERMITTED = ProblemType.of("sa-request-not-permitted", HttpStatus.FORBIDDEN,
			"Not your part to play", "Only certain people may take this step on this request.");
	public static final ProblemType NO_CIRCLE = ProblemType.of("sa-request-no-circle", HttpStatus.UNPROCESSABLE_CONTENT,
			"No circle serves this AE", "Ask an admin to add the AE to the circle that serves them.");

	private EngagementProblems() {
	}
}
