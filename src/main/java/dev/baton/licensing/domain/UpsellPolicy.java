package dev.baton.licensing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.baton.licensing.UpsellSignal;

/**
 * Which up-sell signals a verified seat report raises, and the period each is counted in (the
 * calendar quarter of the report's end), so that each cause fires once per period.
 */
public final class UpsellPolicy {

	private UpsellPolicy() {
	}

	/** The causes a report of {@code maxBillableUsers} against {@code seatsPaid} raises. */
	public static List<UpsellSignal.Cause> causes(int maxBillableUsers, int seatsPaid, int thresholdPercent,
			int tolerancePercent) {
		var causes = new ArrayList<UpsellSignal.Cause>();
		if (maxBillableUsers > seatsPaid) {
			causes.add(UpsellSignal.Cause.OVERAGE);
			if (ReconciliationMath.beyondTolerance(maxBillableUsers, seatsPaid, tolerancePercent)) {
				causes.add(UpsellSignal.Cause.OVER_TOLERANCE);
			}
		}
		else if ((long) maxBillableUsers * 100 >= (long) seatsPaid * thresholdPercent && maxBillableUsers > 0) {
			causes.add(UpsellSignal.Cause.SEAT_USE_HIGH);
		}
		return causes;
	}

	/** The period a signal is counted in: {@code 2026-Q4}. */
	public static String period(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	/** Seats to propose in an expansion: what is in use above the seats paid, and at least a tenth more. */
	public static int proposedSeats(int maxBillableUsers, int seatsPaid) {
		return Math.max(Math.max(maxBillableUsers - seatsPaid, (seatsPaid + 9) / 10), 1);
	}
}
