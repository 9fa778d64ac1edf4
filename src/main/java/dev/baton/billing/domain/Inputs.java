package dev.baton.billing.domain;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.platform.Money;

/**
 * Everything one computation of the engine takes: the contract, the period, the lines invoiced for
 * it before and the tax rate of the invoice owner. Stored with the lines it gave, so finance can
 * recompute them.
 *
 * @param tax the rate the lines are taxed at; null when none applies (left out of the stored
 *        inputs then, so the inputs of computations made before tax keep their hash)
 */
public record Inputs(Contract contract, Period period, List<Line.Invoiced> invoiced,
		@JsonInclude(JsonInclude.Include.NON_NULL) TaxRate tax) {

	public Inputs {
		Objects.requireNonNull(contract, "contract");
		Objects.requireNonNull(period, "period");
		invoiced = List.copyOf(invoiced);
	}

	public Inputs(Contract contract, Period period, List<Line.Invoiced> invoiced) {
		this(contract, period, invoiced, null);
	}

	/** The lines these inputs give. */
	public List<Line> lines() {
		return BillingEngine.diff(contract, period, invoiced);
	}

	/** The tax on one of the lines these inputs give: zero when no rate applies. */
	public Money taxOf(Line line) {
		return BillingEngine.tax(line, tax);
	}
}
