package dev.baton.catalog;

import java.util.Objects;

/**
 * A way a product is sold: its billing period and term, its charge model and the unit it counts
 * (seat, minute, GB, engagement). Plans are referred to by their code.
 */
public record Plan(String code, String productCode, String name, BillingPeriod billingPeriod, int termMonths,
		ChargeModel chargeModel, String unit, boolean active) {

	public Plan {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(productCode, "productCode");
		Objects.requireNonNull(billingPeriod, "billingPeriod");
		Objects.requireNonNull(chargeModel, "chargeModel");
	}
}
