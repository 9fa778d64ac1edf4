package dev.baton.subscription;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The subscription module's problem types.
 */
final class SubscriptionProblems {

	static final ProblemType RULE = ProblemType.of("subscription-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Subscription rule", "An order action breaks a subscription rule; violations[] names each and why.");
	static final ProblemType CHANGED_CONCURRENTLY = ProblemType.of("subscription-changed-concurrently",
			HttpStatus.CONFLICT, "Subscription changed concurrently",
			"Another order changed the subscription at the same moment; read it again and place the order again.");

	private SubscriptionProblems() {
	}
}
