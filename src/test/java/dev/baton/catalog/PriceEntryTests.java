package dev.baton.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.platform.Money;

/**
 * Worked examples of each charge model, as docs/purchasing.md gives them.
 */
class PriceEntryTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static PriceEntry price(ChargeModel model, String unitPrice, String included, Integer packageSize,
			List<PriceEntry.Tier> tiers) {
		return new PriceEntry("plan", model, USD, unitPrice == null ? null : new BigDecimal(unitPrice),
				included == null ? null : new BigDecimal(included), packageSize, tiers);
	}

	private static PriceEntry.Tier tier(String upTo, String unitPrice, String flatFee) {
		return new PriceEntry.Tier(upTo == null ? null : new BigDecimal(upTo), new BigDecimal(unitPrice),
				flatFee == null ? null : new BigDecimal(flatFee));
	}

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	private static Money amount(PriceEntry price, String quantity) {
		return price.amountFor(new BigDecimal(quantity));
	}

	@Test
	void perUnitChargesEachUnitAboveTheIncludedOnes() {
		assertThat(amount(price(ChargeModel.PER_UNIT, "1188", null, null, null), "5")).isEqualTo(usd("5940.00"));
		assertThat(amount(price(ChargeModel.PER_UNIT, "0.01", "400", null, null), "1000")).isEqualTo(usd("6.00"));
		assertThat(amount(price(ChargeModel.PER_UNIT, "0.01", "400", null, null), "300")).isEqualTo(usd("0.00"));
	}

	@Test
	void flatChargesThePeriodWhateverTheQuantity() {
		var flat = price(ChargeModel.FLAT, "12000", null, null, null);
		assertThat(amount(flat, "1")).isEqualTo(usd("12000.00"));
		assertThat(amount(flat, "0")).isEqualTo(usd("12000.00"));
	}

	@Test
	void tieredChargesEachTiersUnitsAtThatTiersPrice() {
		// 15,400 minutes, 400 included: 10,000 at 0.010 and 5,000 at 0.008
		var tiered = price(ChargeModel.TIERED, null, "400", null,
				List.of(tier("10000", "0.010", null), tier(null, "0.008", null)));
		assertThat(amount(tiered, "15400")).isEqualTo(usd("140.00"));
		assertThat(amount(tiered, "10400")).isEqualTo(usd("100.00"));
		assertThat(amount(tiered, "400")).isEqualTo(usd("0.00"));
	}

	@Test
	void tieredAddsATiersFlatFeeOnceWhenTheTierIsReached() {
		var tiered = price(ChargeModel.TIERED, null, null, null,
				List.of(tier("100", "1", "50"), tier(null, "0.5", "20")));
		assertThat(amount(tiered, "50")).isEqualTo(usd("100.00"));
		assertThat(amount(tiered, "150")).isEqualTo(usd("195.00"));
	}

	@Test
	void volumeChargesEveryUnitAtThePriceOfTheTierTheTotalFallsIn() {
		var volume = price(ChargeModel.VOLUME, null, null, null,
				List.of(tier("100", "10", null), tier("1000", "8", null), tier(null, "6", null)));
		assertThat(amount(volume, "100")).isEqualTo(usd("1000.00"));
		assertThat(amount(volume, "150")).isEqualTo(usd("1200.00"));
		assertThat(amount(volume, "2000")).isEqualTo(usd("12000.00"));
		assertThat(amount(volume, "0")).isEqualTo(usd("0.00"));
	}

	@Test
	void packageChargesEachStartedPackage() {
		var pack = price(ChargeModel.PACKAGE, "10", null, 1000, null);
		assertThat(amount(pack, "2500")).isEqualTo(usd("30.00"));
		assertThat(amount(pack, "1000")).isEqualTo(usd("10.00"));
		assertThat(amount(pack, "0")).isEqualTo(usd("0.00"));
	}

	@Test
	void roundsOnceHalfEvenToTheCent() {
		assertThat(amount(price(ChargeModel.PER_UNIT, "0.125", null, null, null), "1")).isEqualTo(usd("0.12"));
		assertThat(amount(price(ChargeModel.PER_UNIT, "0.135", null, null, null), "1")).isEqualTo(usd("0.14"));
		// 3 x 0.3335 = 1.0005: rounded once at the end, not per unit (which would give 1.02)
		assertThat(amount(price(ChargeModel.PER_UNIT, "0.3335", null, null, null), "3")).isEqualTo(usd("1.00"));
	}

	@Test
	void refusesANegativeQuantity() {
		assertThatThrownBy(() -> amount(price(ChargeModel.PER_UNIT, "1", null, null, null), "-1"))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
	}
}
