package dev.baton.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Rating a month's usage under a metered price: the allowance first, then packs, then the charge
 * model, rounded once. The worked examples of docs/usage.md, each checked here.
 */
class RatingTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static BigDecimal n(String value) {
		return new BigDecimal(value);
	}

	private static PriceEntry.Tier tier(String upTo, String price) {
		return new PriceEntry.Tier(upTo == null ? null : n(upTo), n(price), null);
	}

	private static MeteredPrice minutes(ChargeModel model, String unitPrice, Integer packageSize,
			List<PriceEntry.Tier> tiers, String included, MeteredPrice.IncludedPer per) {
		return new MeteredPrice("premium-saas-monthly", "ci-minutes", USD, "minute", model,
				unitPrice == null ? null : n(unitPrice), packageSize, tiers, n(included), per);
	}

	@Test
	void perUnitChargesWhatIsBeyondTheMonthlyAllowance() {
		var storage = new MeteredPrice("premium-saas-monthly", "storage", USD, "GB-month", ChargeModel.PER_UNIT,
				n("0.25"), null, List.of(), n("50"), MeteredPrice.IncludedPer.MONTH);

		var rating = Rating.rate(storage, n("130"), storage.allowance(10), BigDecimal.ZERO);

		assertThat(rating.billable()).isEqualByComparingTo("80");
		assertThat(rating.amount().amount()).isEqualByComparingTo("20.00");
		assertThat(rating.words()).isEqualTo("130 GB-months used; 50 included; 80 billable: 80 x USD 0.25 = USD 20.00");
	}

	@Test
	void tieredChargesEachTiersUnitsAtItsPriceAfterAnAllowancePerSeat() {
		var price = minutes(ChargeModel.TIERED, null, null, List.of(tier("50000", "0.010"), tier(null, "0.008")), "1000",
				MeteredPrice.IncludedPer.SEAT);
		assertThat(price.allowance(10)).isEqualByComparingTo("10000");
		assertThat(price.allowanceInWords(10)).isEqualTo("10,000 minutes (1,000 per seat x 10 seats)");

		var rating = Rating.rate(price, n("72500"), price.allowance(10), BigDecimal.ZERO);

		assertThat(rating.fromAllowance()).isEqualByComparingTo("10000");
		assertThat(rating.billable()).isEqualByComparingTo("62500");
		assertThat(rating.steps()).extracting(Rating.Step::units).usingElementComparator(BigDecimal::compareTo)
				.containsExactly(n("50000"), n("12500"));
		assertThat(rating.amount().amount()).isEqualByComparingTo("600.00");
		assertThat(rating.words()).isEqualTo("72,500 minutes used; 10,000 included; 62,500 billable:"
				+ " 50,000 x USD 0.01 (up to 50,000) + 12,500 x USD 0.008 (above 50,000) = USD 600.00");
	}

	@Test
	void packsAreDrawnAfterTheAllowanceAndBeforeAnythingIsCharged() {
		var price = minutes(ChargeModel.TIERED, null, null, List.of(tier("50000", "0.010"), tier(null, "0.008")), "10000",
				MeteredPrice.IncludedPer.MONTH);

		var rating = Rating.rate(price, n("12500"), price.allowance(3), n("2000"));

		assertThat(rating.fromAllowance()).isEqualByComparingTo("10000");
		assertThat(rating.fromPacks()).isEqualByComparingTo("2000");
		assertThat(rating.billable()).isEqualByComparingTo("500");
		assertThat(rating.amount().amount()).isEqualByComparingTo("5.00");
		// packs larger than the need are drawn only as far as needed
		var covered = Rating.rate(price, n("12500"), price.allowance(3), n("5000"));
		assertThat(covered.fromPacks()).isEqualByComparingTo("2500");
		assertThat(covered.amount().amount()).isEqualByComparingTo("0.00");
	}

	@Test
	void volumeChargesEveryUnitAtTheTierTheTotalFallsIn() {
		var price = minutes(ChargeModel.VOLUME, null, null,
				List.of(tier("10000", "0.010"), tier("100000", "0.008"), tier(null, "0.006")), "0",
				MeteredPrice.IncludedPer.MONTH);

		var rating = Rating.rate(price, n("15400"), BigDecimal.ZERO, BigDecimal.ZERO);

		assertThat(rating.amount().amount()).isEqualByComparingTo("123.20");
		assertThat(rating.words()).endsWith("15,400 x USD 0.008 (the tier up to 100,000) = USD 123.20");
	}

	@Test
	void packageChargesEveryStartedPackage() {
		var price = minutes(ChargeModel.PACKAGE, "8.00", 1000, List.of(), "0", MeteredPrice.IncludedPer.MONTH);

		var rating = Rating.rate(price, n("2500"), BigDecimal.ZERO, BigDecimal.ZERO);

		assertThat(rating.amount().amount()).isEqualByComparingTo("24.00");
		assertThat(rating.words()).endsWith("2,500 billable: 3 packages of 1,000 x USD 8.00 = USD 24.00");
	}

	@Test
	void usageWithinTheAllowanceCostsNothing() {
		var price = minutes(ChargeModel.PER_UNIT, "0.01", null, List.of(), "10000", MeteredPrice.IncludedPer.MONTH);

		var rating = Rating.rate(price, n("8000"), price.allowance(1), BigDecimal.ZERO);

		assertThat(rating.billable()).isZero();
		assertThat(rating.steps()).isEmpty();
		assertThat(rating.words()).isEqualTo("8,000 minutes used; 10,000 included; nothing beyond: USD 0.00");
	}

	@Test
	void theAmountIsRoundedOnceHalfEven() {
		var price = minutes(ChargeModel.PER_UNIT, "0.005", null, List.of(), "0", MeteredPrice.IncludedPer.MONTH);

		// 5 x 0.005 = 0.025: half-even gives 0.02 where half-up would give 0.03
		assertThat(Rating.rate(price, n("5"), BigDecimal.ZERO, BigDecimal.ZERO).amount().amount())
				.isEqualByComparingTo("0.02");
		// 3 x 0.3335 = 1.0005: rounded once is 1.00, not 3 x 0.33
		var third = minutes(ChargeModel.PER_UNIT, "0.3335", null, List.of(), "0", MeteredPrice.IncludedPer.MONTH);
		assertThat(Rating.rate(third, n("3"), BigDecimal.ZERO, BigDecimal.ZERO).amount().amount())
				.isEqualByComparingTo("1.00");
	}

	@Test
	void ratingAgreesWithTheCatalogsChargeModelOnWhatIsBillable() {
		var tiers = List.of(new PriceEntry.Tier(n("100"), n("1.5"), n("10")), new PriceEntry.Tier(null, n("1"), n("25")));
		for (var model : List.of(ChargeModel.TIERED, ChargeModel.VOLUME)) {
			var price = minutes(model, null, null, tiers, "40", MeteredPrice.IncludedPer.MONTH);
			for (var used : List.of("0", "40", "41", "140", "141", "1000.5")) {
				var rating = Rating.rate(price, n(used), n("40"), BigDecimal.ZERO);
				var entry = new PriceEntry("p", model, USD, null, n("40"), null, tiers);
				assertThat(rating.amount()).as(model + " " + used).isEqualTo(entry.amountFor(n(used)));
			}
		}
	}

	@Test
	void refusesNegativeFigures() {
		var price = minutes(ChargeModel.PER_UNIT, "0.01", null, List.of(), "0", MeteredPrice.IncludedPer.MONTH);
		assertThatThrownBy(() -> Rating.rate(price, n("-1"), BigDecimal.ZERO, BigDecimal.ZERO))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used");
	}
}
