package dev.baton.governance;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The governance module's problem types.
 */
final class GovernanceProblems {

	static final ProblemType ONSITE_PREREQUISITES = ProblemType.of("onsite-prerequisites-missing",
			HttpStatus.UNPROCESSABLE_CONTENT, "On-site prerequisites not met",
			"An on-site request needs a customer-agreed agenda and a budgeted initiative before it can be filed; "
					+ "see violations[].");
	static final ProblemType ONSITE_APPROVAL_REFUSED = ProblemType.of("onsite-approval-refused", HttpStatus.FORBIDDEN,
			"Not your approval to give",
			"On-site requests are approved by an SA manager and an ASM: two different people, neither the requester.");
	static final ProblemType ONSITE_ILLEGAL_STATE = ProblemType.of("onsite-illegal-state", HttpStatus.CONFLICT,
			"Not allowed in this state", "The on-site request's current state does not allow this step.");
	static final ProblemType NOT_PERMITTED = ProblemType.NOT_PERMITTED;
	static final ProblemType FEED_UNKNOWN = ProblemType.of("calendar-feed-unknown", HttpStatus.NOT_FOUND,
			"No such calendar feed", "The feed address is unknown or was replaced by a newer one.");

	private GovernanceProblems() {
	}
}
