package dev.baton.catalog;

/**
 * How often a plan is billed, and the terms it allows in months.
 */
public enum BillingPeriod {
	/** Billed every month, on a one-month term. */
	MONTHLY(1, 1),
	/** Billed every year, on a one-year term. */
	ANNUAL(12, 12),
	/** Billed every year, on a term of two to five years. */
	MULTI_YEAR(24, 60),
	/** Billed once (services, packs). */
	ONE_TIME(0, 0);

	private final int shortestTermMonths;
	private final int longestTermMonths;

	BillingPeriod(int shortestTermMonths, int longestTermMonths) {
		this.shortestTermMonths = shortestTermMonths;
		this.longestTermMonths = longestTermMonths;
	}

	/** Whether a term of this many months fits the period (multi-year terms are whole years). */
	public boolean allowsTerm(int months) {
		if (months < shortestTermMonths || months > longestTermMonths) {
			return false;
		}
		return this != MULTI_YEAR || months % 12 == 0;
	}

	public String allowedTerms() {
		return switch (this) {
			case MONTHLY -> "1 month";
			case ANNUAL -> "12 months";
			case MULTI_YEAR -> "24, 36, 48 or 60 months";
			case ONE_TIME -> "0 months (sold once)";
		};
	}
}
