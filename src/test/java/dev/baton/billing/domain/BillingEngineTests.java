package dev.baton.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.PriceEntry;

/**
 * The billing engine without Spring or a database: periods on month ends, leap years and the
 * 31st, charges in advance, proration of seat changes, upgrades and cancellations by days,
 * half-even rounding once per line, and recompute-and-diff billing nothing twice.
 */
class BillingEngineTests {

	private static final UUID SUBSCRIPTION = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
	private static final UUID BOOK = UUID.fromString("00000000-0000-0000-0000-0000000000bb");

	static Charge plan(String code, int seats, String unitPrice, int priceMonths) {
		return new Charge(code, Charge.Kind.PLAN, BigDecimal.valueOf(seats), "seat", new PriceEntry(code,
				ChargeModel.PER_UNIT, Currency.getInstance("USD"), new BigDecimal(unitPrice), null, null, null),
				priceMonths, BOOK, 1, BigDecimal.ZERO);
	}

	static Charge discounted(Charge charge, String percent) {
		return new Charge(charge.code(), charge.kind(), charge.quantity(), charge.unit(), charge.price(),
				charge.priceMonths(), charge.priceBookVersionId(), charge.priceBookVersionNumber(), new BigDecimal(percent));
	}

	static ContractVersion version(int number, String effectiveOn, String endsOn, Charge... charges) {
		return new ContractVersion(number, LocalDate.parse(effectiveOn), "O-00000" + (number + 1), "ACTION",
				endsOn == null ? null : LocalDate.parse(endsOn), List.of(charges));
	}

	static Contract contract(String anchor, int months, ContractVersion... versions) {
		return new Contract(SUBSCRIPTION, "S-000001", "USD", LocalDate.parse(anchor), months, List.of(versions));
	}

	static List<Line.Invoiced> invoiced(List<Line> lines) {
		return lines.stream().map(Line::invoiced).toList();
	}

	static List<String> amounts(List<Line> lines) {
		return lines.stream().map(l -> l.kind() + " " + l.amount().amount().toPlainString()).toList();
	}

	@Test
	void chargesAWholeAnnualPeriodInAdvanceAndNothingWhenRunAgain() {
		var contract = contract("2027-01-15", 12, version(0, "2027-01-15", "2028-01-15", plan("ultimate", 5, "1200", 12)));
		var period = contract.periodOf(LocalDate.parse("2027-01-15"));

		var lines = BillingEngine.expected(contract, period);

		assertThat(period).isEqualTo(new Period(LocalDate.parse("2027-01-15"), LocalDate.parse("2028-01-15")));
		assertThat(amounts(lines)).containsExactly("CHARGE 6000.00");
		assertThat(lines.get(0).explanation()).isEqualTo("5 seats x USD 1,200.00 (ultimate, price book version 1)");
		assertThat(lines.get(0).orderNumber()).isEqualTo("O-000001");
		assertThat(BillingEngine.diff(contract, period, invoiced(lines))).as("recompute and diff: nothing new").isEmpty();
	}

	@Test
	void aMidPeriodUpgradeCreditsTheUnusedOldPlanAndChargesTheNewOneForTheRest() {
		var v0 = version(0, "2027-01-01", "2028-01-01", plan("premium", 5, "348", 12));
		var first = BillingEngine.expected(contract("2027-01-01", 12, v0), Period.of(LocalDate.parse("2027-01-01"), 12, 0));
		assertThat(amounts(first)).containsExactly("CHARGE 1740.00");

		var upgraded = contract("2027-01-01", 12, v0, version(1, "2027-07-02", "2028-01-01", plan("ultimate", 5, "1188", 12)));
		var second = BillingEngine.diff(upgraded, first.get(0).period(), invoiced(first));

		// 2 July to 1 January: 183 of 365 days
		assertThat(amounts(second)).containsExactly("CREDIT -872.38", "CHARGE 2978.14");
		assertThat(second.get(0).explanation())
				.isEqualTo("Credit for unused days: 5 seats x USD 348.00 x 183/365 days (premium, price book version 1)");
		assertThat(second.get(1).explanation())
				.isEqualTo("5 seats x USD 1,188.00 x 183/365 days (ultimate, price book version 1)");
		assertThat(second).allSatisfy(line -> {
			assertThat(line.from()).isEqualTo(LocalDate.parse("2027-07-02"));
			assertThat(line.sourceVersion()).isEqualTo(1);
			assertThat(line.orderNumber()).isEqualTo("O-000002");
		});
		var all = new ArrayList<>(first);
		all.addAll(second);
		assertThat(BillingEngine.diff(upgraded, first.get(0).period(), invoiced(all))).isEmpty();
		assertThat(BillingEngine.total("USD", all).amount()).isEqualByComparingTo("3845.76");
	}

	@Test
	void aSeatChangeAtAMonthEndIsProratedByTheDaysOfThatMonth() {
		// billed on the 28th: 28 February to 28 March is 28 days
		var v0 = version(0, "2027-01-28", null, plan("premium", 10, "99", 1));
		var contract = contract("2027-01-28", 1, v0);
		var february = contract.periodOf(LocalDate.parse("2027-03-01"));
		assertThat(february.days()).isEqualTo(28);
		var first = BillingEngine.expected(contract, february);

		var more = contract("2027-01-28", 1, v0, version(1, "2027-03-14", null, plan("premium", 12, "99", 1)));
		var second = BillingEngine.diff(more, february, invoiced(first));

		// 14 to 28 March: 14 of 28 days; 10 x 99 x 14/28 = 495.00 back, 12 x 99 x 14/28 = 594.00
		assertThat(amounts(second)).containsExactly("CREDIT -495.00", "CHARGE 594.00");
		assertThat(second.get(1).explanation()).startsWith("12 seats x USD 99.00 x 14/28 days");
	}

	@Test
	void aSubscriptionBilledOnThe31stIsBilledOnTheLastDayOfShorterMonthsAndOnThe31stAgain() {
		var anchor = LocalDate.parse("2027-01-31");
		assertThat(List.of(Period.of(anchor, 1, 0), Period.of(anchor, 1, 1), Period.of(anchor, 1, 2), Period.of(anchor, 1, 3)))
				.extracting(Period::start).containsExactly(LocalDate.parse("2027-01-31"), LocalDate.parse("2027-02-28"),
						LocalDate.parse("2027-03-31"), LocalDate.parse("2027-04-30"));
		assertThat(Period.of(anchor, 1, 1).days()).isEqualTo(31);
		assertThat(Period.indexOf(anchor, 1, LocalDate.parse("2027-03-30"))).isEqualTo(1);
		assertThat(Period.indexOf(anchor, 1, LocalDate.parse("2027-03-31"))).isEqualTo(2);
		// in a leap year February has its 29th
		assertThat(Period.of(LocalDate.parse("2028-01-31"), 1, 1).start()).isEqualTo(LocalDate.parse("2028-02-29"));

		var contract = contract("2027-01-31", 1, version(0, "2027-01-31", null, plan("premium", 3, "29", 1)));
		var periods = Period.between(anchor, 1, anchor, LocalDate.parse("2027-04-30"));
		assertThat(periods).hasSize(4);
		assertThat(periods).allSatisfy(p -> assertThat(amounts(BillingEngine.expected(contract, p)))
				.as("a whole month costs the same, however long").containsExactly("CHARGE 87.00"));
	}

	@Test
	void aLeapYearHas366DaysToProrateBy() {
		var v0 = version(0, "2028-01-01", null, plan("premium", 1, "366", 12));
		var year = Period.of(LocalDate.parse("2028-01-01"), 12, 0);
		assertThat(year.days()).isEqualTo(366);
		var first = BillingEngine.expected(contract("2028-01-01", 12, v0), year);

		var twice = contract("2028-01-01", 12, v0, version(1, "2028-03-01", null, plan("premium", 2, "366", 12)));
		var change = BillingEngine.diff(twice, year, invoiced(first));

		// 1 March to 1 January in a leap year: 306 of 366 days at USD 1.00 a day per seat
		assertThat(amounts(change)).containsExactly("CREDIT -306.00", "CHARGE 612.00");
		assertThat(change.get(1).explanation()).contains("x 306/366 days");
		// billed on 29 February: the next years on the 28th, and on the 29th again four years on
		var leapDay = LocalDate.parse("2028-02-29");
		assertThat(Period.of(leapDay, 12, 1).start()).isEqualTo(LocalDate.parse("2029-02-28"));
		assertThat(Period.of(leapDay, 12, 4).start()).isEqualTo(LocalDate.parse("2032-02-29"));
	}

	@Test
	void aCancellationNowCreditsTheUnusedDaysAndLaterPeriodsChargeNothing() {
		var v0 = version(0, "2027-01-01", "2028-01-01", plan("ultimate", 5, "1200", 12));
		var year = Period.of(LocalDate.parse("2027-01-01"), 12, 0);
		var first = BillingEngine.expected(contract("2027-01-01", 12, v0), year);

		var cancelled = contract("2027-01-01", 12, v0, version(1, "2027-07-02", "2027-07-02", plan("ultimate", 5, "1200", 12)));
		var credit = BillingEngine.diff(cancelled, year, invoiced(first));

		// 5 x 1,200 x 183/365 = 3,008.219... back
		assertThat(amounts(credit)).containsExactly("CREDIT -3008.22");
		assertThat(credit.get(0).sourceVersion()).as("the cancelling version made it due").isEqualTo(1);
		assertThat(credit.get(0).explanation()).startsWith("Credit for unused days: 5 seats x USD 1,200.00 x 183/365 days");
		assertThat(BillingEngine.expected(cancelled, Period.of(LocalDate.parse("2027-01-01"), 12, 1))).isEmpty();
	}

	@Test
	void aTermThatEndsWithoutRenewalIsChargedToItsLastDayOnly() {
		var contract = contract("2027-01-31", 1, version(0, "2027-01-31", "2027-02-28", plan("premium", 1, "31", 1)));
		var secondMonth = Period.of(LocalDate.parse("2027-01-31"), 1, 1);
		assertThat(BillingEngine.expected(contract, secondMonth)).isEmpty();
		var partial = contract("2027-01-31", 1, version(0, "2027-01-31", "2027-03-10", plan("premium", 1, "31", 1)));
		// 28 February to 10 March: 10 of 31 days
		assertThat(amounts(BillingEngine.expected(partial, secondMonth))).containsExactly("CHARGE 10.00");
	}

	@Test
	void roundsHalfEvenToTheCentOncePerLine() {
		// 5 x USD 0.07 x 2/28 days = 0.025: half-even is 0.02 (half-up would be 0.03)
		var v0 = version(0, "2027-02-01", null, plan("tiny", 5, "0.07", 1));
		var february = Period.of(LocalDate.parse("2027-02-01"), 1, 0);
		var first = BillingEngine.expected(contract("2027-02-01", 1, v0), february);
		var cancelled = contract("2027-02-01", 1, v0, version(1, "2027-02-27", "2027-02-27", plan("tiny", 5, "0.07", 1)));
		assertThat(amounts(BillingEngine.diff(cancelled, february, invoiced(first)))).containsExactly("CREDIT -0.02");
		// 3 x USD 0.3335 is rounded once: USD 1.00, not 3 x 0.33
		var thirds = contract("2027-02-01", 1, version(0, "2027-02-01", null, plan("thirds", 3, "0.3335", 1)));
		assertThat(amounts(BillingEngine.expected(thirds, february))).containsExactly("CHARGE 1.00");
	}

	@Test
	void appliesTheAgreedDiscountAndBillsAnAnnualAddOnOnAMonthlySubscriptionByTheMonth() {
		var addOn = new Charge("ai-assistant", Charge.Kind.ADD_ON, BigDecimal.TEN, "seat", new PriceEntry("ai-assistant",
				ChargeModel.PER_UNIT, Currency.getInstance("USD"), new BigDecimal("228"), null, null, null), 12, BOOK, 1,
				BigDecimal.ZERO);
		var contract = contract("2027-01-01", 1,
				version(0, "2027-01-01", null, discounted(plan("premium", 20, "29", 1), "15"), addOn));
		var lines = BillingEngine.expected(contract, Period.of(LocalDate.parse("2027-01-01"), 1, 0));
		// 20 x 29 less 15% = 493.00; 10 x 228 x 1/12 = 190.00
		assertThat(amounts(lines)).containsExactly("CHARGE 493.00", "CHARGE 190.00");
		assertThat(lines.get(0).explanation()).isEqualTo("20 seats x USD 29.00 less 15% discount (premium, price book version 1)");
		assertThat(lines.get(1).explanation()).isEqualTo("10 seats x USD 228.00 x 1/12 months (ai-assistant, price book version 1)");
	}

	@Test
	void aChangePlacedAfterTheRenewalOrderButEffectiveEarlierHoldsFromItsOwnDay() {
		// v1 renews from 2028-01-01 (placed in December); v2 adds seats on 2027-12-10 and carries the renewed term
		var contract = contract("2027-01-01", 12, version(0, "2027-01-01", "2028-01-01", plan("premium", 5, "365", 12)),
				version(1, "2028-01-01", "2029-01-01", plan("premium", 5, "365", 12)),
				version(2, "2027-12-10", "2029-01-01", plan("premium", 6, "365", 12)));
		assertThat(contract.versionOn(LocalDate.parse("2027-12-09")).orElseThrow().version()).isZero();
		assertThat(contract.versionOn(LocalDate.parse("2027-12-10")).orElseThrow().version()).isEqualTo(2);
		assertThat(contract.versionOn(LocalDate.parse("2028-06-01")).orElseThrow().version()).isEqualTo(2);
		var year = Period.of(LocalDate.parse("2027-01-01"), 12, 0);
		assertThat(amounts(BillingEngine.expected(contract, year))).containsExactly("CHARGE 1715.00", "CHARGE 132.00");
	}

	@Test
	void refusesInvoicedLinesThatOverlap() {
		var contract = contract("2027-01-01", 12, version(0, "2027-01-01", null, plan("premium", 5, "348", 12)));
		var year = Period.of(LocalDate.parse("2027-01-01"), 12, 0);
		var once = BillingEngine.expected(contract, year);
		var twice = new ArrayList<>(invoiced(once));
		twice.addAll(invoiced(once));
		twice.addAll(invoiced(once));
		assertThatThrownBy(() -> BillingEngine.diff(contract, year, twice)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("overlap");
	}

	static ContractVersion withoutProration(ContractVersion version) {
		return new ContractVersion(version.version(), version.effectiveOn(), version.orderNumber(), version.action(),
				version.endsOn(), version.charges(), true);
	}

	@Test
	void aChangeWithoutProrationIsBilledFromTheNextPeriodAndNothingForTheRestOfThisOne() {
		var v0 = version(0, "2027-01-01", "2028-01-01", plan("premium", 10, "29", 1));
		var january = Period.of(LocalDate.parse("2027-01-01"), 1, 0);
		var first = BillingEngine.expected(contract("2027-01-01", 1, v0), january);
		var more = contract("2027-01-01", 1, v0,
				withoutProration(version(1, "2027-01-17", "2028-01-01", plan("premium", 12, "29", 1))));

		assertThat(BillingEngine.diff(more, january, invoiced(first))).as("no credit, no charge this month").isEmpty();
		assertThat(more.billedFrom(more.versions().get(1))).isEqualTo(LocalDate.parse("2027-02-01"));
		assertThat(amounts(BillingEngine.expected(more, Period.of(LocalDate.parse("2027-01-01"), 1, 1))))
				.as("February at 12 seats").containsExactly("CHARGE 348.00");
		// prorated, the same change credits 10 seats and charges 12 for 15 of January's 31 days
		var prorated = contract("2027-01-01", 1, v0, version(1, "2027-01-17", "2028-01-01", plan("premium", 12, "29", 1)));
		assertThat(amounts(BillingEngine.diff(prorated, january, invoiced(first))))
				.containsExactly("CREDIT -140.32", "CHARGE 168.39");
	}

	@Test
	void aCancellationNowWithoutProrationCreditsNothingAndChargesNoFurtherPeriod() {
		var v0 = version(0, "2027-01-01", "2028-01-01", plan("premium", 5, "1200", 12));
		var year = Period.of(LocalDate.parse("2027-01-01"), 12, 0);
		var first = BillingEngine.expected(contract("2027-01-01", 12, v0), year);
		var cancelled = contract("2027-01-01", 12, v0,
				withoutProration(version(1, "2027-07-02", "2027-07-02", plan("premium", 5, "1200", 12))));

		assertThat(BillingEngine.diff(cancelled, year, invoiced(first))).isEmpty();
		assertThat(BillingEngine.expected(cancelled, Period.of(LocalDate.parse("2027-01-01"), 12, 1))).isEmpty();
	}
}
