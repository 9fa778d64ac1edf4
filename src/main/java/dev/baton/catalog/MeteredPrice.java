package dev.baton.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What a plan charges each month for the usage of one meter, in one currency of one price book
 * version: the units included (per month, or per seat of the subscription), then the charge model
 * on what is used beyond them and beyond prepaid packs. See {@link Rating}.
 *
 * @param meterCode the usage meter whose monthly total is charged (such as ci-minutes)
 * @param unit what one unit is, in words (minute, GB-month)
 * @param unitPrice the price of a unit (per unit) or of a package (package); zero for tiered and volume prices
 * @param packageSize units in one package, for the package model; null otherwise
 * @param tiers for tiered and volume prices, ascending; the last has no upper bound
 * @param includedUnits units included each month: in all, or per seat (see {@code includedPer})
 */
public record MeteredPrice(String planCode, String meterCode, Currency currency, String unit, ChargeModel chargeModel,
		BigDecimal unitPrice, Integer packageSize, List<PriceEntry.Tier> tiers, BigDecimal includedUnits,
		IncludedPer includedPer) {

	/** Whether the included units are for the month whatever the seats, or for each seat. */
	public enum IncludedPer {
		MONTH, SEAT
	}

	public MeteredPrice {
		Objects.requireNonNull(planCode, "planCode");
		Objects.requireNonNull(meterCode, "meterCode");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(chargeModel, "chargeModel");
		unit = unit == null ? "unit" : unit;
		unitPrice = unitPrice == null ? BigDecimal.ZERO : unitPrice;
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
		includedUnits = includedUnits == null ? BigDecimal.ZERO : includedUnits;
		includedPer = includedPer == null ? IncludedPer.MONTH : includedPer;
	}

	/** The units included in a month for a subscription of {@code seats} seats. */
	public BigDecimal allowance(int seats) {
		return includedPer == IncludedPer.SEAT ? includedUnits.multiply(BigDecimal.valueOf(Math.max(seats, 0)))
				: includedUnits;
	}

	/** The allowance in words, such as {@code 1,000 minutes (100 per seat x 10 seats)}. */
	public String allowanceInWords(int seats) {
		var total = Rating.quantity(allowance(seats), unit);
		return includedPer == IncludedPer.SEAT
				? total + " (" + Rating.number(includedUnits) + " per seat x " + seats + (seats == 1 ? " seat)" : " seats)")
				: total + " a month";
	}

	/** The price of the units beyond the allowance and the packs, as a price entry without included units. */
	PriceEntry overagePrice() {
		return new PriceEntry(planCode + "/" + meterCode, chargeModel, currency, unitPrice, BigDecimal.ZERO, packageSize,
				tiers);
	}
}
