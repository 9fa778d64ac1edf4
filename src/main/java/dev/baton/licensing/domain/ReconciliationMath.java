package dev.baton.licensing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of seat reconciliation, in one place: the quarters of a term, the overage above
 * what is paid and already reconciled, and the charge, rounded once, half-even, to the currency's
 * minor unit. docs/licensing.md works examples through it.
 */
public final class ReconciliationMath {

	private ReconciliationMath() {
	}

	/** Quarter {@code number} of a term: from its start to its end (exclusive), and how many quarters follow it. */
	public record Quarter(int number, LocalDate start, LocalDate end, int quartersLeft) {
	}

	/**
	 * The quarters a quarterly reconciliation runs at: each quarter end of the term but the last
	 * (the last quarter's overage has no quarter left to charge; the renewal sets the seats of the
	 * next term). A term of {@code termMonths} has {@code termMonths / 3} quarters.
	 */
	public static List<Quarter> reconciledQuarters(LocalDate termStart, int termMonths) {
		Objects.requireNonNull(termStart, "termStart");
		var quarters = new ArrayList<Quarter>();
		int count = termMonths / 3;
		for (int k = 1; k < count; k++) {
			quarters.add(new Quarter(k, termStart.plusMonths(3L * (k - 1)), termStart.plusMonths(3L * k), count - k));
		}
		return quarters;
	}

	/**
	 * The seats not paid for yet: the most billable users above both the seats paid and the seats
	 * an earlier reconciliation of the term already charged (its seats paid plus its overage).
	 */
	public static int overage(int maxBillableUsers, int seatsPaid, int alreadyReconciledTo) {
		if (maxBillableUsers < 0 || seatsPaid < 0) {
			throw new IllegalArgumentException("users and seats are never negative");
		}
		return Math.max(0, maxBillableUsers - Math.max(seatsPaid, alreadyReconciledTo));
	}

	/**
	 * The charge: the overage's annual list amount, less the subscription's discount, times the
	 * share of the year charged ({@code quartersLeft / 4}; a true-up charges 4 of 4), rounded once.
	 */
	public static BigDecimal amount(BigDecimal annualListAmount, BigDecimal discountPercent, int quartersCharged,
			int minorUnits) {
		if (annualListAmount.signum() < 0 || discountPercent.signum() < 0 || quartersCharged < 0) {
			throw new IllegalArgumentException("amounts, discounts and quarters are never negative");
		}
		var afterDiscount = annualListAmount.multiply(BigDecimal.valueOf(100).subtract(discountPercent))
				.divide(BigDecimal.valueOf(100));
		return afterDiscount.multiply(BigDecimal.valueOf(quartersCharged))
				.divide(BigDecimal.valueOf(4), Math.max(minorUnits, 0), RoundingMode.HALF_EVEN);
	}

	/** A noticed overage is charged no sooner than its notice period after the notice. */
	public static dev.baton.platform.Decision mayCharge(java.time.Instant chargeAfter, java.time.Instant now) {
		return dev.baton.platform.Decision.check()
				.refuseIf(now.isBefore(chargeAfter), dev.baton.licensing.LicensingRule.NOTICE_PERIOD,
						() -> "The customer was told of the overage; it is charged from " + chargeAfter + ", not before")
				.decide();
	}

	/** Whether the users found exceed the seats paid by more than the tolerance (percent). */
	public static boolean beyondTolerance(int maxBillableUsers, int seatsPaid, int tolerancePercent) {
		return (long) maxBillableUsers * 100 > (long) seatsPaid * (100 + tolerancePercent);
	}
}
