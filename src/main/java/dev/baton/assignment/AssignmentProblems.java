package dev.baton.assignment;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The assignment module's problem types.
 */
public final class AssignmentProblems {

	public static final ProblemType REQUEST_CLOSED = ProblemType.of("assignment-request-closed", HttpStatus.CONFLICT,
			"Request is closed", "A request that is Done or Declined gets no recommendations.");
	public static final ProblemType NO_CIRCLE = ProblemType.of("assignment-no-circle", HttpStatus.UNPROCESSABLE_CONTENT,
			"Request has no circle", "Only a request on a circle's board can be recommended for; ask an admin to add the AE to a circle.");

	public static final ProblemType NO_COVERAGE_NEEDED = ProblemType.of("assignment-no-coverage-needed", HttpStatus.CONFLICT,
			"No coverage plan to accept", "The person has no absence that needs a coverage plan, so there is nothing to accept.");

	private AssignmentProblems() {
	}
}
