package dev.baton.assignment;

import dev.baton.platform.Rule;

/**
 * The assignment rules a recommendation or a coverage plan is decided by, with their stable
 * identifiers. The filters' rules keep the filter names the API shows ({@code circle},
 * {@code absence}, {@code working-hours}).
 */
public enum AssignmentRule implements Rule {

	/** A candidate is an SA member of the request's circle, or of another circle on its board. */
	@Rule.Id("assignment.circle")
	CIRCLE_MEMBERSHIP,
	/** A candidate is not away on a meeting day (today without one). */
	@Rule.Id("assignment.absence")
	ABSENCE,
	/** At least one proposed slot falls in the candidate's working day, on a working day of the board. */
	@Rule.Id("assignment.working-hours")
	WORKING_HOURS,
	/** The circle covers an absence as usual unless it lasts over two weeks. */
	@Rule.Id("assignment.coverage.long-absence")
	COVERAGE_LONG_ABSENCE,
	/** The circle covers an absence as usual unless the SA holds a customer trial (POV). */
	@Rule.Id("assignment.coverage.customer-trial")
	COVERAGE_CUSTOMER_TRIAL;
}
