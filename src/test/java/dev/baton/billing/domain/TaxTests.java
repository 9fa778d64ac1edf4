package dev.baton.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Tax without Spring: the rate table by country and region, and the tax of a line at a rate,
 * rounded half-even once per line.
 */
class TaxTests {

	private static final TaxTable TABLE = new TaxTable(List.of(new TaxTable.Entry("de", null, "VAT", new BigDecimal("19")),
			new TaxTable.Entry("US", "ca", "Sales tax", new BigDecimal("7.25")),
			new TaxTable.Entry("US", null, "Exempt", BigDecimal.ZERO)));

	@Test
	void aRegionsOwnRateComesFirstThenTheCountrysThenNone() {
		assertThat(TABLE.rateFor("US", "CA")).contains(new TaxRate("US-CA", "Sales tax", new BigDecimal("7.25")));
		assertThat(TABLE.rateFor("us", "NY")).contains(new TaxRate("US", "Exempt", BigDecimal.ZERO));
		assertThat(TABLE.rateFor("DE", null)).hasValueSatisfying(r -> assertThat(r.label()).isEqualTo("VAT 19% (DE)"));
		assertThat(TABLE.rateFor("FR", null)).isEmpty();
		assertThat(TABLE.rateFor(null, null)).isEmpty();
	}

	@Test
	void aLinesTaxIsRoundedHalfEvenOnceAndACreditsTaxIsNegative() {
		var v0 = BillingEngineTests.version(0, "2027-01-01", "2028-01-01", BillingEngineTests.plan("premium", 5, "348", 12));
		var v1 = BillingEngineTests.version(1, "2027-07-02", "2028-01-01", BillingEngineTests.plan("ultimate", 5, "1188", 12));
		var year = Period.of(LocalDate.parse("2027-01-01"), 12, 0);
		var first = BillingEngine.expected(BillingEngineTests.contract("2027-01-01", 12, v0), year);
		var vat = new TaxRate("DE", "VAT", new BigDecimal("19"));

		assertThat(BillingEngine.tax(first.get(0), vat).amount()).isEqualByComparingTo("330.60");
		var upgrade = BillingEngine.diff(BillingEngineTests.contract("2027-01-01", 12, v0, v1), year,
				BillingEngineTests.invoiced(first));
		// -872.38 x 19% = -165.7522 and 2,978.14 x 19% = 565.8466
		assertThat(BillingEngine.tax(upgrade.get(0), vat).amount()).isEqualByComparingTo("-165.75");
		assertThat(BillingEngine.tax(upgrade.get(1), vat).amount()).isEqualByComparingTo("565.85");
		assertThat(BillingEngine.taxWords(first.get(0), vat)).isEqualTo("VAT 19% (DE) on USD 1,740.00 = USD 330.60");
		// 0.25 x 10% = 0.025: half-even gives 0.02 where half-up would give 0.03
		var cheap = BillingEngine.expected(BillingEngineTests.contract("2027-01-01", 1, BillingEngineTests.version(0,
				"2027-01-01", "2028-01-01", BillingEngineTests.plan("tiny", 1, "0.25", 1))), Period.of(LocalDate.parse("2027-01-01"), 1, 0));
		assertThat(BillingEngine.tax(cheap.get(0), new TaxRate("XX", "Tax", BigDecimal.TEN)).amount()).isEqualByComparingTo("0.02");
		assertThat(BillingEngine.tax(first.get(0), null).amount()).isEqualByComparingTo("0");
	}
}
