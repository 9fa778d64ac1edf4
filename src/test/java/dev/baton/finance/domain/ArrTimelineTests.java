package dev.baton.finance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * ARR from a timeline: the days each version holds, the annual amount of a charge, and what each
 * order action booked.
 */
class ArrTimelineTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static ArrTimeline.Version version(int number, String effective, String action, String status,
			String termEnd, String cancelsOn, String... annuals) {
		var charges = new java.util.ArrayList<ArrTimeline.Charge>();
		for (int i = 0; i < annuals.length; i++) {
			charges.add(new ArrTimeline.Charge(i == 0 ? "premium-saas-annual" : "ai-assistant-annual",
					i == 0 ? "premium-saas" : "ai-assistant", new BigDecimal(annuals[i])));
		}
		return new ArrTimeline.Version(number, LocalDate.parse(effective), UUID.randomUUID(), "O-" + number, "SALES",
				LocalDate.parse(effective), action, status, LocalDate.parse(termEnd),
				cancelsOn == null ? null : LocalDate.parse(cancelsOn), true, charges);
	}

	@Test
	void anAnnualAmountIsTheListAmountLessTheDiscountForAYearRoundedOnceHalfEven() {
		// 5 seats x USD 348.00 a year
		assertThat(ArrTimeline.annual(new BigDecimal("1740"), BigDecimal.ZERO, 12, USD)).isEqualByComparingTo("1740.00");
		// 20 seats x USD 29.00 a month less 15%: 493.00 a month, 5,916.00 a year
		assertThat(ArrTimeline.annual(new BigDecimal("580"), new BigDecimal("15"), 1, USD)).isEqualByComparingTo("5916.00");
		// 3 seats x USD 0.3335 a month: 12.006 a year, 12.01
		assertThat(ArrTimeline.annual(new BigDecimal("1.0005"), BigDecimal.ZERO, 1, USD)).isEqualByComparingTo("12.01");
		// 0.125 a year is 0.12 (half-even), not 0.13
		assertThat(ArrTimeline.annual(new BigDecimal("0.125"), BigDecimal.ZERO, 12, USD)).isEqualByComparingTo("0.12");
	}

	@Test
	void aVersionHoldsUntilTheNextTakesEffectAndNeverPastItsEnd() {
		var created = version(0, "2027-01-01", "CREATE_SUBSCRIPTION", "ACTIVE", "2028-01-01", null, "1740.00");
		var seats = version(1, "2027-07-02", "CHANGE_SEATS", "ACTIVE", "2028-01-01", null, "2784.00");
		// the renewal is ordered ahead and takes effect when the term ends
		var renewed = version(2, "2028-01-01", "RENEW", "ACTIVE", "2029-01-01", null, "2880.00");
		var held = ArrTimeline.held(List.of(renewed, created, seats));
		assertThat(held).extracting(h -> h.version().version() + " " + h.from() + ".." + h.to())
				.containsExactly("0 2027-01-01..2027-07-02", "1 2027-07-02..2028-01-01", "2 2028-01-01..2029-01-01");
	}

	@Test
	void aSeatChangeAfterTheRenewalWasOrderedHoldsFromItsDayAndTheRenewalVersionNever() {
		var created = version(0, "2027-01-01", "CREATE_SUBSCRIPTION", "ACTIVE", "2028-01-01", null, "1740.00");
		var renewed = version(1, "2028-01-01", "RENEW", "ACTIVE", "2029-01-01", null, "1740.00");
		var seats = version(2, "2027-12-10", "CHANGE_SEATS", "ACTIVE", "2029-01-01", null, "2784.00");
		assertThat(ArrTimeline.held(List.of(created, renewed, seats)))
				.extracting(h -> h.version().version() + " " + h.from() + ".." + h.to())
				.containsExactly("0 2027-01-01..2027-12-10", "2 2027-12-10..2029-01-01");
	}

	@Test
	void aCancellationNowEndsArrThatDayAndAtTermEndAtTheTermsEnd() {
		var created = version(0, "2027-01-01", "CREATE_SUBSCRIPTION", "ACTIVE", "2028-01-01", null, "1740.00");
		var now = version(1, "2027-07-02", "CANCEL", "CANCELLED", "2028-01-01", "2027-07-02", "1740.00");
		assertThat(ArrTimeline.held(List.of(created, now))).extracting(h -> h.from() + ".." + h.to())
				.containsExactly("2027-01-01..2027-07-02");
		var atTermEnd = version(1, "2027-07-02", "CANCEL", "ACTIVE", "2028-01-01", "2028-01-01", "1740.00");
		assertThat(ArrTimeline.held(List.of(created, atTermEnd))).extracting(h -> h.from() + ".." + h.to())
				.containsExactly("2027-01-01..2027-07-02", "2027-07-02..2028-01-01");
		assertThat(atTermEnd.renews()).isFalse();
	}

	@Test
	void bookingsAreNewExpansionContractionChurnAndRenewalChargeByCharge() {
		var created = version(0, "2027-01-01", "CREATE_SUBSCRIPTION", "ACTIVE", "2028-01-01", null, "1740.00");
		var addOn = version(1, "2027-03-01", "ADD_PRODUCT", "ACTIVE", "2028-01-01", null, "1740.00", "2280.00");
		var fewer = version(2, "2027-05-01", "CHANGE_SEATS", "ACTIVE", "2028-01-01", null, "1392.00", "2280.00");
		var renewed = version(3, "2028-01-01", "RENEW", "ACTIVE", "2029-01-01", null, "1500.00", "2280.00");
		var suspended = version(4, "2028-02-01", "SUSPEND", "SUSPENDED", "2029-01-01", null, "1500.00", "2280.00");
		var cancelled = version(5, "2028-06-01", "CANCEL", "ACTIVE", "2029-01-01", "2029-01-01", "1500.00", "2280.00");
		var closed = version(6, "2029-01-02", "CANCEL", "CANCELLED", "2029-01-01", "2029-01-02", "1500.00", "2280.00");
		var bookings = ArrTimeline.bookings(List.of(created, addOn, fewer, renewed, suspended, cancelled, closed));
		assertThat(bookings).extracting(b -> b.version().version() + " " + b.chargeCode() + " " + b.kind() + " "
				+ b.delta().toPlainString() + " renewed " + b.renewed().toPlainString())
				.containsExactly("0 premium-saas-annual NEW 1740.00 renewed 0",
						"1 ai-assistant-annual EXPANSION 2280.00 renewed 0",
						"2 premium-saas-annual CONTRACTION -348.00 renewed 0",
						"3 premium-saas-annual RENEWAL 108.00 renewed 1500.00",
						"3 ai-assistant-annual RENEWAL 0.00 renewed 2280.00",
						"5 premium-saas-annual CHURN -1500.00 renewed 0",
						"5 ai-assistant-annual CHURN -2280.00 renewed 0");
		// what was booked adds up to the ARR the last version that goes on had
		var net = bookings.stream().map(ArrTimeline.Booking::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(net).isEqualByComparingTo("0");
	}
}
