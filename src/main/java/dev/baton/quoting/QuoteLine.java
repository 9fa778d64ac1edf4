package dev.baton.quoting;

import java.math.BigDecimal;
import java.util.Objects;

import dev.baton.catalog.PriceBookVersionId;
import dev.baton.platform.Money;

/**
 * One line of a quote: a plan and quantity at list price less a discount, per billing period.
 *
 * @param discountPercent percent off the list price, 0 when none
 * @param listAmount the list price of the quantity for one period
 * @param netAmount the list amount less the discount, rounded once
 */
public record QuoteLine(String planCode, int quantity, BigDecimal discountPercent, PriceBookVersionId priceBookVersionId,
		Money listAmount, Money netAmount) {

	public QuoteLine {
		Objects.requireNonNull(planCode, "planCode");
		discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
	}
}
