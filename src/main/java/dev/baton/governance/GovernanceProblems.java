package dev.baton.governance;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The governance module's problem types.
 */
final class GovernanceProblems {

	static final ProblemType NOT_PERMITTED = ProblemType.NOT_PERMITTED;
	static final ProblemType FEED_UNKNOWN = ProblemType.of("calendar-feed-unknown", HttpStatus.NOT_FOUND,
			"No such calendar feed", "The feed address is unknown or was replaced by a newer one.");

	private GovernanceProblems() {
	}
}
