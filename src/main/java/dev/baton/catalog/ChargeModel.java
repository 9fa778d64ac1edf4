package dev.baton.catalog;

/**
 * How a plan's price turns a quantity into an amount (see {@link PriceEntry#amountFor}).
 */
public enum ChargeModel {
	/** One price for the period, whatever the quantity. */
	FLAT,
	/** The unit price for each unit above the included ones (seats). */
	PER_UNIT,
	/** Graduated: each tier's units at that tier's price. */
	TIERED,
	/** All units at the price of the tier the total falls in. */
	VOLUME,
	/** The unit price for each started package of {@code packageSize} units. */
	PACKAGE;

	public boolean usesTiers() {
		return this == TIERED || this == VOLUME;
	}
}
