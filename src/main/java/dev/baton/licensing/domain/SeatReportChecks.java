package dev.baton.licensing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.baton.licensing.LicensingRule;
import dev.baton.licensing.verifier.SeatReports;
import dev.baton.platform.Decision;

/**
 * The rules a signed seat report keeps once its signature holds: a sane period within its license's
 * dates and not in the future, and user and denied-feature counts in range.
 */
public final class SeatReportChecks {

	static final int MAX_USERS = 10_000_000;
	static final int MAX_PERIOD_DAYS = 93;

	private SeatReportChecks() {
	}

	/**
	 * @param licenseStarts the license's first day
	 * @param licenseEnds the license's block-changes date (the end of its grace)
	 */
	public static Decision check(SeatReports.Report report, LocalDate licenseStarts, LocalDate licenseEnds,
			LocalDate today) {
		return Decision.check()
				.refuseIf(report.periodEnd().isBefore(report.periodStart()), LicensingRule.REPORT_PERIOD,
						() -> "The period ends on " + report.periodEnd() + ", before it starts on " + report.periodStart())
				.refuseIf(ChronoUnit.DAYS.between(report.periodStart(), report.periodEnd()) >= MAX_PERIOD_DAYS,
						LicensingRule.REPORT_PERIOD, () -> "A report covers at most " + MAX_PERIOD_DAYS + " days")
				.refuseIf(report.periodEnd().isAfter(today), LicensingRule.REPORT_PERIOD,
						() -> "The period ends on " + report.periodEnd() + ", which is still to come")
				.refuseIf(report.periodStart().isBefore(licenseStarts) || !report.periodEnd().isBefore(licenseEnds),
						LicensingRule.REPORT_PERIOD, () -> "The period " + report.periodStart() + " to " + report.periodEnd()
								+ " is outside the license's dates (" + licenseStarts + " to " + licenseEnds + ")")
				.refuseIf(report.activeUsers() < 0 || report.activeUsers() > MAX_USERS || report.maxBillableUsers() < 0
						|| report.maxBillableUsers() > MAX_USERS, LicensingRule.REPORT_COUNTS,
						() -> "User counts are 0 to " + MAX_USERS)
				.refuseIf(report.featuresDenied().values().stream().anyMatch(times -> times < 1 || times > MAX_USERS),
						LicensingRule.REPORT_FEATURES, () -> "A feature named as denied was denied 1 to " + MAX_USERS
								+ " times")
				.decide();
	}
}
