package dev.baton.assignment;

import dev.baton.platform.Rule;

/**
 * The assignment rules a recommendation or a coverage plan is decided by, with their stable
 * identifiers. The filters' rules keep the filter names the API shows ({@code circle},
 * {@code absence}, {@code working-hours}).
 */
public enum AssignmentRule implements Rule {

	/** A candidate is an SA member of the request's circle, or of another circle on its board. */
	CIRCLE_MEMBERSHIP("assignment.circle"),
	/** A candidate is not away on a meeting day (today without one). */
	ABSENCE("assignment.absence"),
	/** At least one proposed slot falls in the candidate's working day, on a working day of the board. */
	WORKING_HOURS("assignment.working-hours"),
	/** The circle covers an absence as usual unless it lasts over two weeks. */
	COVERAGE_LONG_ABSENCE("assignment.coverage.long-absence"),
	/** The circle covers an absence as usual unless the SA holds a customer trial (POV). */
	COVERAGE_CUSTOMER_TRIAL("assignment.coverage.customer-trial");

	private final String id;

	AssignmentRule(String id) {
		this.id = id;
	}

	@Override
	public String id() {
		return id;
	}
}
