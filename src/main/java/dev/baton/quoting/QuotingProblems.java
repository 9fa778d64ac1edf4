package dev.baton.quoting;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The quoting module's problem types.
 */
final class QuotingProblems {

	static final ProblemType RULE = ProblemType.of("quote-rule", HttpStatus.UNPROCESSABLE_CONTENT, "Quote rule",
			"The quote breaks a quoting rule; violations[] names each and why.");

	private QuotingProblems() {
	}
}
