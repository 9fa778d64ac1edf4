package dev.baton.licensing;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The licensing module's problem types.
 */
public final class LicensingProblems {

	public static final ProblemType RULE = ProblemType.of("licensing-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Licensing rule", "The request breaks a licensing rule; violations[] names each and why.");
	public static final ProblemType REPORT_REFUSED = ProblemType.of("seat-report-refused",
			HttpStatus.UNPROCESSABLE_CONTENT, "Seat report refused",
			"The seat report does not verify; it is kept for review (reportId) and never counted. violations[] says why.");

	private LicensingProblems() {
	}
}
