package dev.baton.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.PriceEntry;
import dev.baton.catalog.Rating;
import dev.baton.platform.Money;

/**
 * A prepaid pack bought by an order, charged once on the day it was bought: the pack plan's list
 * price for the quantity ordered (every started package for a package price), less the discount
 * agreed, rounded once.
 *
 * @param units the units the pack gives (every started package whole)
 * @param sourceVersion the subscription version that added the pack, and its order
 */
public record PackCharge(UUID packId, String planCode, String meterCode, String unit, int quantity, BigDecimal units,
		PriceEntry price, UUID priceBookVersionId, int priceBookVersionNumber, BigDecimal discountPercent,
		LocalDate boughtOn, LocalDate expiresOn, int sourceVersion, String orderNumber) {

	public PackCharge {
		Objects.requireNonNull(packId, "packId");
		Objects.requireNonNull(price, "price");
		discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
	}

	/** The line's identity: a pack is charged once. */
	public String key() {
		return "PACK|" + packId;
	}

	public Money amount() {
		var list = price.exactAmountFor(BigDecimal.valueOf(quantity));
		return new Money(list.multiply(BigDecimal.valueOf(100).subtract(discountPercent)).movePointLeft(2),
				price.currency());
	}

	/** In words, such as {@code Pack of 3,000 minutes: 3 packages of 1,000 x USD 10.00 (compute-minutes-pack, price book version 1), usable until 2028-03-31}. */
	public String words() {
		var text = new StringBuilder("Pack of ").append(Rating.quantity(units, unit)).append(": ");
		if (price.chargeModel() == ChargeModel.PACKAGE && price.packageSize() != null) {
			var packages = units.divide(BigDecimal.valueOf(price.packageSize()), 0, java.math.RoundingMode.CEILING);
			text.append(Rating.number(packages)).append(packages.compareTo(BigDecimal.ONE) == 0 ? " package of " : " packages of ")
					.append(Rating.number(BigDecimal.valueOf(price.packageSize())));
		}
		else {
			text.append(Rating.quantity(BigDecimal.valueOf(quantity), unit));
		}
		text.append(" x ").append(new Money(price.unitPrice(), price.currency()).formatted());
		if (discountPercent.signum() != 0) {
			text.append(" less ").append(discountPercent.stripTrailingZeros().toPlainString()).append("% discount");
		}
		return text.append(" = ").append(amount().formatted()).append(" (").append(planCode).append(", price book version ")
				.append(priceBookVersionNumber).append("), usable until ").append(expiresOn).toString();
	}
}
