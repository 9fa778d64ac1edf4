package dev.baton.billing.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The tax rate an invoice owner's lines are taxed at, as the rate table gave it for the owner's
 * bill-to country (and region) when the lines were computed: part of the engine's inputs, so a
 * recomputation taxes them the same even after the table changed.
 *
 * @param jurisdiction the country, or country and region, the rate is for, such as DE or US-CA
 * @param name what the invoice calls it, such as VAT or Sales tax; Reverse charge or Exempt at zero
 * @param percent the rate in percent, 0 or more
 */
public record TaxRate(String jurisdiction, String name, BigDecimal percent) {

	public TaxRate {
		Objects.requireNonNull(jurisdiction, "jurisdiction");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(percent, "percent");
		if (percent.signum() < 0) {
			throw new IllegalArgumentException("A tax rate is 0 or more percent, not " + percent);
		}
	}

	/** For people: VAT 19% (DE). */
	public String label() {
		return name + " " + percent.stripTrailingZeros().toPlainString() + "% (" + jurisdiction + ")";
	}
}
