package dev.baton.postsales;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The post-sales module's problem types; permission refusals are platform's
 * {@link ProblemType#NOT_PERMITTED}.
 */
public final class PostSalesProblems {

	public static final ProblemType TASK_DONE = ProblemType.of("governance-task-already-done", HttpStatus.CONFLICT,
			"Task already done", "The task was completed before; it is not completed twice.");

	private PostSalesProblems() {
	}
}
