package dev.baton.billing.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything one computation of the engine takes: the contract, the period and the lines
 * invoiced for it before. Stored with the lines it gave, so finance can recompute them.
 */
public record Inputs(Contract contract, Period period, List<Line.Invoiced> invoiced) {

	public Inputs {
		Objects.requireNonNull(contract, "contract");
		Objects.requireNonNull(period, "period");
		invoiced = List.copyOf(invoiced);
	}

	/** The lines these inputs give. */
	public List<Line> lines() {
		return BillingEngine.diff(contract, period, invoiced);
	}
}
