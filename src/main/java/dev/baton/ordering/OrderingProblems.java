package dev.baton.ordering;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The ordering module's problem types.
 */
final class OrderingProblems {

	static final ProblemType RULE = ProblemType.of("order-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Order rule", "The order breaks an ordering rule; violations[] names each and why.");

	private OrderingProblems() {
	}
}
