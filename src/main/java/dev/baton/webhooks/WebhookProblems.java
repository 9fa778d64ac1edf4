package dev.baton.webhooks;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The webhooks' problem types.
 */
final class WebhookProblems {

	static final ProblemType RULE = ProblemType.of("webhook-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Webhook refused", "The endpoint or delivery breaks a rule; violations[] names each.");

	private WebhookProblems() {
	}
}
