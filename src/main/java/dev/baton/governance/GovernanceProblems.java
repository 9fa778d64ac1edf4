package dev.baton.governance;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The governance module's problem types.
 */
final class GovernanceProblems {

	static final ProblemType NOT_PERMITTED = ProblemType.NOT_PERMITTED;
	private GovernanceProblems() {
	}
}
