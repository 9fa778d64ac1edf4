package dev.baton.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.MeteredPrice;

/**
 * The usage half of the engine: a line per revision of a closed period, an adjustment for a late
 * revision (what it rates now less what was billed before, a credit when lower), and nothing for a
 * revision invoiced already.
 */
class UsageChargesTests {

	private static final MeteredPrice STORAGE = new MeteredPrice("premium-saas-annual", "storage", Currency.getInstance("USD"),
			"GB-month", ChargeModel.PER_UNIT, new BigDecimal("0.25"), null, List.of(), new BigDecimal("50"),
			MeteredPrice.IncludedPer.MONTH);

	private static final LocalDate MARCH = LocalDate.parse("2027-03-01");
	private static final LocalDate APRIL = LocalDate.parse("2027-04-01");

	private static UsageCharges.MeteredUsage usage(int revision, LocalDate closedIn, String used, long events,
			UsageCharges.Figures previous) {
		return new UsageCharges.MeteredUsage("storage", "Storage", "GB-months", MARCH, APRIL, revision, closedIn,
				new BigDecimal(used), events, previous == null ? 0 : events - previous.events(), new BigDecimal("50"),
				BigDecimal.ZERO, previous, STORAGE, 10, UUID.randomUUID(), 3, 1, "O-000042");
	}

	private static UsageCharges.Inputs inputs(List<UsageCharges.MeteredUsage> usage, Set<String> invoiced) {
		return new UsageCharges.Inputs(UUID.randomUUID(), "S-000007", "USD", usage, invoiced);
	}

	@Test
	void aClosedPeriodIsOneLineInArrearsWithItsArithmetic() {
		var lines = inputs(List.of(usage(0, MARCH, "130", 31, null)), Set.of()).lines();

		assertThat(lines).singleElement().satisfies(line -> {
			assertThat(line.kind()).isEqualTo(Line.Kind.CHARGE);
			assertThat(line.amount().amount()).isEqualByComparingTo("20.00");
			assertThat(line.chargeKey()).isEqualTo("USAGE|storage|2027-03-01|r0");
			assertThat(line.explanation()).isEqualTo("Storage 2027-03: 130 GB-months used (31 events); 50 included;"
					+ " 80 billable: 80 x USD 0.25 = USD 20.00 (premium-saas-annual, price book version 3)");
		});
	}

	@Test
	void aLateRevisionIsAnAdjustmentNamingItsPeriodAndACreditWhenItRatesLower() {
		var before = new UsageCharges.Figures(new BigDecimal("130"), 31, new BigDecimal("50"), BigDecimal.ZERO);
		var higher = inputs(List.of(usage(1, APRIL, "150", 33, before)), Set.of()).lines().get(0);
		assertThat(higher.amount().amount()).isEqualByComparingTo("5.00");
		assertThat(higher.explanation()).startsWith("Adjustment for Storage 2027-03: 2 events arrived after the period closed;")
				.contains("less USD 20.00 billed before = USD 5.00");

		var lower = inputs(List.of(usage(1, APRIL, "110", 32, before)), Set.of()).lines().get(0);
		assertThat(lower.kind()).isEqualTo(Line.Kind.CREDIT);
		assertThat(lower.amount().amount()).isEqualByComparingTo("-5.00");
	}

	@Test
	void whatWasInvoicedIsNotInvoicedAgain() {
		var first = usage(0, MARCH, "130", 31, null);
		var late = usage(1, APRIL, "150", 33, new UsageCharges.Figures(new BigDecimal("130"), 31, new BigDecimal("50"),
				BigDecimal.ZERO));
		var lines = inputs(List.of(late, first), Set.of(first.key())).lines();
		assertThat(lines).extracting(UsageCharges.UsageLine::chargeKey).containsExactly(late.key());
		assertThat(inputs(List.of(late, first), Set.of(first.key(), late.key())).lines()).isEmpty();
	}
}
