package dev.baton.finance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.finance.domain.RevenueSchedule.Recognition;

/**
 * The revenue schedule with known answers: a year ratably per day, a credit note reversing what it
 * credits, a late invoice catching up on its date, usage when consumed, one-time at once, and
 * allocations that add up to the cent.
 */
class RevenueScheduleTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static BigDecimal sum(java.util.Map<YearMonth, BigDecimal> months) {
		return months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Test
	void aYearInAdvanceIsRecognizedRatablyPerDayAndAddsUpToTheCent() {
		var months = RevenueSchedule.monthly(new BigDecimal("1740.00"), USD, LocalDate.parse("2027-01-01"),
				LocalDate.parse("2028-01-01"), LocalDate.parse("2027-01-01"), Recognition.RATABLE);
		assertThat(months).hasSize(12);
		// 1740 x 31/365 = 147.780..., then 1740 x 59/365 = 281.260... less that
		assertThat(months.get(YearMonth.parse("2027-01"))).isEqualByComparingTo("147.78");
		assertThat(months.get(YearMonth.parse("2027-02"))).isEqualByComparingTo("133.48");
		// 1740 less 1740 x 334/365 = 1592.219...
		assertThat(months.get(YearMonth.parse("2027-12"))).isEqualByComparingTo("147.78");
		assertThat(sum(months)).isEqualByComparingTo("1740.00");
	}

	@Test
	void aCreditNoteReversesWhatItCreditsAndCatchesUpOnItsDateForDaysAlreadyServed() {
		var months = RevenueSchedule.monthly(new BigDecimal("-240.00"), USD, LocalDate.parse("2027-01-01"),
				LocalDate.parse("2028-01-01"), LocalDate.parse("2027-03-11"), Recognition.RATABLE);
		assertThat(months.firstKey()).isEqualTo(YearMonth.parse("2027-03"));
		// January to March at once on 11 March: -240 x 90/365 = -59.178...
		assertThat(months.get(YearMonth.parse("2027-03"))).isEqualByComparingTo("-59.18");
		// April: -240 x 120/365 = -78.904... less the March figure
		assertThat(months.get(YearMonth.parse("2027-04"))).isEqualByComparingTo("-19.72");
		assertThat(sum(months)).isEqualByComparingTo("-240.00");
	}

	@Test
	void aLateInvoiceIsRecognizedFromItsDateAndNeverInAClosedMonth() {
		var months = RevenueSchedule.monthly(new BigDecimal("1740.00"), USD, LocalDate.parse("2027-01-01"),
				LocalDate.parse("2028-01-01"), LocalDate.parse("2027-02-10"), Recognition.RATABLE);
		assertThat(months).doesNotContainKey(YearMonth.parse("2027-01"));
		assertThat(months.get(YearMonth.parse("2027-02"))).isEqualByComparingTo("281.26");
		assertThat(sum(months)).isEqualByComparingTo("1740.00");
	}

	@Test
	void usageIsRecognizedOnTheDaysItWasConsumedWhenEverItIsInvoiced() {
		var months = RevenueSchedule.monthly(new BigDecimal("31.00"), USD, LocalDate.parse("2027-01-20"),
				LocalDate.parse("2027-02-10"), LocalDate.parse("2027-02-15"), Recognition.CONSUMED);
		// 12 of 21 days in January: 17.714...
		assertThat(months.get(YearMonth.parse("2027-01"))).isEqualByComparingTo("17.71");
		assertThat(months.get(YearMonth.parse("2027-02"))).isEqualByComparingTo("13.29");
	}

	@Test
	void aPackIsRecognizedAtOnceWhenServiceStarts() {
		var months = RevenueSchedule.monthly(new BigDecimal("12000.00"), USD, LocalDate.parse("2027-03-01"),
				LocalDate.parse("2027-03-02"), LocalDate.parse("2027-02-20"), Recognition.POINT_IN_TIME);
		assertThat(months).containsOnlyKeys(YearMonth.parse("2027-03"));
		assertThat(months.get(YearMonth.parse("2027-03"))).isEqualByComparingTo("12000.00");
		assertThat(Recognition.of("PLAN")).isEqualTo(Recognition.RATABLE);
		assertThat(Recognition.of("ADD_ON")).isEqualTo(Recognition.RATABLE);
		assertThat(Recognition.of("USAGE")).isEqualTo(Recognition.CONSUMED);
		assertThat(Recognition.of("PACK")).isEqualTo(Recognition.POINT_IN_TIME);
	}

	@Test
	void aOneTimeChargeForDaysOfServiceIsRecognizedOverThemThePastOnesOnItsDate() {
		assertThat(Recognition.of("ONE_TIME")).isEqualTo(Recognition.RATABLE);
		// a seat reconciliation charged on 9 March for 2 March to 2 December: the days up to 9 March at once
		var months = RevenueSchedule.monthly(new BigDecimal("2750.00"), USD, LocalDate.parse("2027-03-02"),
				LocalDate.parse("2027-12-02"), LocalDate.parse("2027-03-09"), Recognition.of("ONE_TIME"));
		assertThat(months.firstKey()).isEqualTo(YearMonth.parse("2027-03"));
		assertThat(months.lastKey()).isEqualTo(YearMonth.parse("2027-12"));
		assertThat(months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("2750.00");
		// 275 days; March holds 30 of them (2 to 31 March): 2,750.00 x 30/275
		assertThat(months.get(YearMonth.parse("2027-03"))).isEqualByComparingTo("300.00");
	}

	@Test
	void aMonthOfAMonthlyPlanIsRecognizedInItsMonthWhateverItsLength() {
		var february = RevenueSchedule.monthly(new BigDecimal("290.00"), USD, LocalDate.parse("2027-02-01"),
				LocalDate.parse("2027-03-01"), LocalDate.parse("2027-02-01"), Recognition.RATABLE);
		assertThat(february).containsOnlyKeys(YearMonth.parse("2027-02"));
		assertThat(february.get(YearMonth.parse("2027-02"))).isEqualByComparingTo("290.00");
	}

	@Test
	void allocationsAddUpToTheAmountExactly() {
		assertThat(RevenueSchedule.allocate(new BigDecimal("100.00"), USD, List.of(BigDecimal.ONE, BigDecimal.ONE,
				BigDecimal.ONE))).extracting(BigDecimal::toPlainString).containsExactly("33.33", "33.34", "33.33");
		assertThat(RevenueSchedule.allocate(new BigDecimal("-240.00"), USD, List.of(new BigDecimal("1740.00"))))
				.extracting(BigDecimal::toPlainString).containsExactly("-240.00");
		// an upgrade's invoice: a credit line and a charge; a credit note of 100 over both
		var parts = RevenueSchedule.allocate(new BigDecimal("-100.00"), USD,
				List.of(new BigDecimal("-872.38"), new BigDecimal("2978.14")));
		assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("-100.00");
	}

	@Test
	void aLineWithoutDaysIsRefused() {
		assertThatThrownBy(() -> RevenueSchedule.monthly(BigDecimal.TEN, USD, LocalDate.parse("2027-01-01"),
				LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-01"), Recognition.RATABLE))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2027-01-01..2027-01-01");
	}
}
