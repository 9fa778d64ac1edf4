package dev.baton.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import dev.baton.catalog.PriceEntry;

/**
 * One recurring charge of a subscription version: the tier's seats or an add-on's quantity, at
 * the list price the version resolved (naming its price book version), less the agreed discount.
 *
 * @param priceMonths the months the price is for (12 for an annual price); billed per period pro rata
 * @param discountPercent percent off the list price agreed in the sale, 0 for none
 */
public record Charge(String code, Kind kind, BigDecimal quantity, String unit, PriceEntry price, int priceMonths,
		UUID priceBookVersionId, int priceBookVersionNumber, BigDecimal discountPercent) {

	/** What is charged. */
	public enum Kind {
		/** The subscription's plan, by seats. */
		PLAN,
		/** An add-on or a consumable added to the subscription, by its quantity. */
		ADD_ON
	}

	public Charge {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(quantity, "quantity");
		Objects.requireNonNull(price, "price");
		Objects.requireNonNull(priceBookVersionId, "priceBookVersionId");
		discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		unit = unit == null ? "unit" : unit;
		if (priceMonths < 1) {
			throw new IllegalArgumentException("A recurring price is for one month or more, not " + priceMonths);
		}
	}

	/**
	 * What makes two days cost the same: plan, quantity, price book version, discount and price
	 * term. Days with the same rate key are one segment; a change of any of them splits a period.
	 */
	public String rateKey() {
		return code + "|" + quantity.stripTrailingZeros().toPlainString() + "|pb" + priceBookVersionNumber + "|"
				+ discountPercent.stripTrailingZeros().toPlainString() + "%|" + priceMonths + "m";
	}
}
