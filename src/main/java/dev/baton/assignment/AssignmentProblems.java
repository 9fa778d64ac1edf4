package dev.baton.assignment;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The assignment module's problem types.
 */
final class AssignmentProblems {

	static final ProblemType REQUEST_CLOSED = ProblemType.of("assignment-request-closed", HttpStatus.CONFLICT,
			"Request is closed", "A request that is Done or Declined gets no recommendations.");
	static final ProblemType NO_CIRCLE = ProblemType.of("assignment-no-circle", HttpStatus.UNPROCESSABLE_CONTENT,
			"Request has no circle", "Only a request on a circle's board can be recommended for; ask an admin to add the AE to a circle.");

	private AssignmentProblems() {
	}
}
