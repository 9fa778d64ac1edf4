package dev.baton.licensing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.baton.licensing.LicensingRule;
import dev.baton.licensing.UpsellSignal;
import dev.baton.licensing.verifier.SeatReports;

/**
 * The reconciliation arithmetic and the seat report and up-sell rules, without Spring: the worked
 * examples of docs/licensing.md.
 */
class ReconciliationMathTests {

	@Test
	void anAnnualTermIsReconciledAtTheEndOfItsFirstThreeQuarters() {
		var quarters = ReconciliationMath.reconciledQuarters(LocalDate.of(2026, 12, 2), 12);

		assertThat(quarters).extracting(ReconciliationMath.Quarter::end).containsExactly(LocalDate.of(2027, 3, 2),
				LocalDate.of(2027, 6, 2), LocalDate.of(2027, 9, 2));
		assertThat(quarters).extracting(ReconciliationMath.Quarter::quartersLeft).containsExactly(3, 2, 1);
		assertThat(ReconciliationMath.reconciledQuarters(LocalDate.of(2026, 12, 2), 36)).hasSize(11);
		assertThat(ReconciliationMath.reconciledQuarters(LocalDate.of(2026, 12, 2), 1)).isEmpty();
	}

	@Test
	void chargesTheOverageAboveWhatIsPaidAndAlreadyReconciled() {
		assertThat(ReconciliationMath.overage(14, 10, 0)).isEqualTo(4);
		assertThat(ReconciliationMath.overage(14, 10, 12)).as("12 were reconciled already").isEqualTo(2);
		assertThat(ReconciliationMath.overage(9, 10, 0)).isZero();
		assertThat(ReconciliationMath.overage(14, 14, 14)).isZero();
	}

	@Test
	void proratesByQuartersLeftAfterDiscountRoundingOnce() {
		// 4 seats of Ultimate (Self-Managed) annual at USD 1,188.00, three quarters left
		assertThat(ReconciliationMath.amount(new BigDecimal("4752.00"), BigDecimal.ZERO, 3, 2)).isEqualByComparingTo("3564.00");
		// 3 seats, 15% off, two quarters left: 3564.00 x 0.85 x 2/4 = 1514.70
		assertThat(ReconciliationMath.amount(new BigDecimal("3564.00"), new BigDecimal("15"), 2, 2)).isEqualByComparingTo("1514.70");
		// a true-up: 2 seats of Premium (Self-Managed) annual at USD 348.00, the full year
		assertThat(ReconciliationMath.amount(new BigDecimal("696.00"), BigDecimal.ZERO, 4, 2)).isEqualByComparingTo("696.00");
		// 1 seat at 1,188.00 for 1 quarter with 33.3% off: 1188 x 0.667 / 4 = 198.099 -> 198.10, once
		assertThat(ReconciliationMath.amount(new BigDecimal("1188.00"), new BigDecimal("33.3"), 1, 2)).isEqualByComparingTo("198.10");
	}

	@Test
	void chargesNoSoonerThanTheNoticePeriodAfterTheNotice() {
		var after = Instant.parse("2027-03-09T06:00:00Z");

		assertThat(ReconciliationMath.mayCharge(after, after.minusSeconds(1)).refuses(LicensingRule.NOTICE_PERIOD)).isTrue();
		assertThat(ReconciliationMath.mayCharge(after, after).isAllowed()).isTrue();
	}

	@Test
	void toleratesUpToThePlansPercentAboveTheSeatsPaid() {
		assertThat(ReconciliationMath.beyondTolerance(11, 10, 10)).isFalse();
		assertThat(ReconciliationMath.beyondTolerance(12, 10, 10)).isTrue();
	}

	@Test
	void raisesSeatUseOverageAndToleranceSignals() {
		assertThat(UpsellPolicy.causes(8, 10, 90, 10)).isEmpty();
		assertThat(UpsellPolicy.causes(9, 10, 90, 10)).containsExactly(UpsellSignal.Cause.SEAT_USE_HIGH);
		assertThat(UpsellPolicy.causes(11, 10, 90, 10)).containsExactly(UpsellSignal.Cause.OVERAGE);
		assertThat(UpsellPolicy.causes(13, 10, 90, 10)).containsExactly(UpsellSignal.Cause.OVERAGE,
				UpsellSignal.Cause.OVER_TOLERANCE);
		assertThat(UpsellPolicy.period(LocalDate.of(2027, 3, 31))).isEqualTo("2027-Q1");
		assertThat(UpsellPolicy.proposedSeats(13, 10)).isEqualTo(3);
		assertThat(UpsellPolicy.proposedSeats(9, 10)).isEqualTo(1);
	}

	@Test
	void aFeatureIsInDemandWhenDeniedInTwoPeriodsAtLeastTheMinimumTimesInAll() {
		var january = LocalDate.of(2027, 1, 31);
		var february = LocalDate.of(2027, 2, 28);
		var once = List.of(new UpsellPolicy.Denials(january, Map.of("epics", 40)));
		assertThat(UpsellPolicy.featuresInDemand(once, 10)).as("one period, however often: not yet kept reaching for")
				.isEmpty();

		var twice = List.of(new UpsellPolicy.Denials(january, Map.of("epics", 6, "geo", 30)),
				new UpsellPolicy.Denials(february, Map.of("epics", 5, "audit-events", 2)));
		assertThat(UpsellPolicy.featuresInDemand(twice, 10)).containsExactly(Map.entry("epics", 11));
		assertThat(UpsellPolicy.featuresInDemand(twice, 12)).as("below the minimum in all").isEmpty();

		var samePeriod = List.of(new UpsellPolicy.Denials(january, Map.of("epics", 6)),
				new UpsellPolicy.Denials(january, Map.of("epics", 6)));
		assertThat(UpsellPolicy.featuresInDemand(samePeriod, 10)).as("two reports of one period are one period")
				.isEmpty();
	}

	@Test
	void refusesDeniedFeatureCountsOutOfRange() {
		var start = LocalDate.of(2026, 12, 2);
		var today = LocalDate.of(2027, 1, 15);
		var zero = new SeatReports.Report("l", "i", start, today, 5, 6, Instant.EPOCH, Map.of("epics", 0));
		var some = new SeatReports.Report("l", "i", start, today, 5, 6, Instant.EPOCH, Map.of("epics", 3));
		assertThat(SeatReportChecks.check(zero, start, start.plusYears(1), today).refuses(LicensingRule.REPORT_FEATURES))
				.isTrue();
		assertThat(SeatReportChecks.check(some, start, start.plusYears(1), today).isAllowed()).isTrue();
	}

	@Test
	void refusesAReportPeriodInTheFutureOrOutsideTheLicense() {
		var start = LocalDate.of(2026, 12, 2);
		var today = LocalDate.of(2027, 1, 15);
		var ok = new SeatReports.Report("l", "i", start, today, 5, 6, Instant.EPOCH);
		var future = new SeatReports.Report("l", "i", start, today.plusDays(1), 5, 6, Instant.EPOCH);
		var before = new SeatReports.Report("l", "i", start.minusDays(1), today, 5, 6, Instant.EPOCH);
		var negative = new SeatReports.Report("l", "i", start, today, -1, 6, Instant.EPOCH);

		assertThat(SeatReportChecks.check(ok, start, start.plusYears(1), today).isAllowed()).isTrue();
		assertThat(SeatReportChecks.check(future, start, start.plusYears(1), today).refuses(LicensingRule.REPORT_PERIOD)).isTrue();
		assertThat(SeatReportChecks.check(before, start, start.plusYears(1), today).refuses(LicensingRule.REPORT_PERIOD)).isTrue();
		assertThat(SeatReportChecks.check(negative, start, start.plusYears(1), today).refuses(LicensingRule.REPORT_COUNTS)).isTrue();
	}
}
