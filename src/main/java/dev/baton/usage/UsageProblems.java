package dev.baton.usage;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The usage module's problem types.
 */
public final class UsageProblems {

	public static final ProblemType METER = ProblemType.of("usage-meter-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Meter refused", "The meter breaks a rule; violations[] names each.");

	public static final ProblemType SOURCE = ProblemType.of("usage-source-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Usage source refused", "The source breaks a rule; violations[] names each.");

	public static final ProblemType EVENT = ProblemType.of("usage-event-rejected", HttpStatus.UNPROCESSABLE_CONTENT,
			"Usage event rejected", "The event is not counted; violations[] names each reason.");

	private UsageProblems() {
	}
}
