package dev.baton.onsite;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The on-site module's problem types; a refused filer or rescheduler is platform's
 * {@link ProblemType#NOT_PERMITTED}.
 */
public final class OnsiteProblems {

	public static final ProblemType ONSITE_PREREQUISITES = ProblemType.of("onsite-prerequisites-missing",
			HttpStatus.UNPROCESSABLE_CONTENT, "On-site prerequisites not met",
			"An on-site request needs a customer-agreed agenda and a budgeted initiative before it can be filed; "
					+ "see violations[].");
	public static final ProblemType ONSITE_APPROVAL_REFUSED = ProblemType.of("onsite-approval-refused",
			HttpStatus.FORBIDDEN, "Not your approval to give",
			"On-site requests are approved by an SA manager and an ASM: two different people, neither the requester.");
	public static final ProblemType ONSITE_ILLEGAL_STATE = ProblemType.of("onsite-illegal-state", HttpStatus.CONFLICT,
			"Not allowed in this state", "The on-site request's current state does not allow this step.");

	private OnsiteProblems() {
	}
}
