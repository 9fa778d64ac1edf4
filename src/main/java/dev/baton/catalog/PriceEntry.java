package dev.baton.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import dev.baton.platform.Money;

/**
 * A plan's list price in one currency in one price book version.
 *
 * @param unitPrice the price of one unit (per unit), of one package (package), or of the period (flat);
 *        for tiered and volume prices the tiers carry the prices and this is zero
 * @param includedUnits units included before anything is charged (for example minutes per seat)
 * @param packageSize units in one package, for the package model; null otherwise
 * @param tiers for tiered and volume prices, ascending; the last has no upper bound
 */
public record PriceEntry(String planCode, ChargeModel chargeModel, Currency currency, BigDecimal unitPrice,
		BigDecimal includedUnits, Integer packageSize, List<Tier> tiers) {

	public PriceEntry {
		Objects.requireNonNull(planCode, "planCode");
		Objects.requireNonNull(chargeModel, "chargeModel");
		Objects.requireNonNull(currency, "currency");
		unitPrice = unitPrice == null ? BigDecimal.ZERO : unitPrice;
		includedUnits = includedUnits == null ? BigDecimal.ZERO : includedUnits;
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
	}

	/**
	 * One tier of a tiered or volume price: units up to {@code upTo} (inclusive; null for no upper
	 * bound) at {@code unitPrice} each, plus {@code flatFee} once when the tier is reached.
	 */
	public record Tier(BigDecimal upTo, BigDecimal unitPrice, BigDecimal flatFee) {

		public Tier {
			Objects.requireNonNull(unitPrice, "unitPrice");
			flatFee = flatFee == null ? BigDecimal.ZERO : flatFee;
		}
	}

	/**
	 * What {@code quantity} units cost for one period under this price, rounded once, half-even,
	 * to the currency's minor unit: the included units are free, then the charge model applies.
	 */
	public Money amountFor(BigDecimal quantity) {
		return new Money(exactAmountFor(quantity), currency);
	}

	/**
	 * The same amount before rounding, for a caller that scales it further (billing prorates it by
	 * days) and rounds once at the end.
	 */
	public BigDecimal exactAmountFor(BigDecimal quantity) {
		if (quantity.signum() < 0) {
			throw new IllegalArgumentException("quantity must not be negative: " + quantity);
		}
		var billable = quantity.subtract(includedUnits).max(BigDecimal.ZERO);
		var amount = switch (chargeModel) {
			case FLAT -> unitPrice;
			case PER_UNIT -> billable.multiply(unitPrice);
			case PACKAGE -> billable.divide(BigDecimal.valueOf(packageSize), 0, RoundingMode.CEILING).multiply(unitPrice);
			case TIERED -> graduated(billable);
			case VOLUME -> volume(billable);
		};
		return amount;
	}

	private BigDecimal graduated(BigDecimal billable) {
		var total = BigDecimal.ZERO;
		var floor = BigDecimal.ZERO;
		for (var tier : tiers) {
			if (billable.compareTo(floor) <= 0) {
				break;
			}
			var ceiling = tier.upTo() == null ? billable : tier.upTo().min(billable);
			total = total.add(ceiling.subtract(floor).multiply(tier.unitPrice())).add(tier.flatFee());
			floor = ceiling;
		}
		return total;
	}

	private BigDecimal volume(BigDecimal billable) {
		if (billable.signum() == 0) {
			return BigDecimal.ZERO;
		}
		for (var tier : tiers) {
			if (tier.upTo() == null || billable.compareTo(tier.upTo()) <= 0) {
				return billable.multiply(tier.unitPrice()).add(tier.flatFee());
			}
		}
		throw new IllegalStateException("the last tier of " + planCode + " has an upper bound");
	}
}
