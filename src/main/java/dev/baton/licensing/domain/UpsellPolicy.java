package dev.baton.licensing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.baton.licensing.UpsellSignal;

/**
 * Which up-sell signals a verified seat report raises (seats in use, overage, features the plan
 * lacks that users keep reaching for), and the period each is counted in (the calendar quarter of
 * the report's end), so that each cause fires once per period.
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

	/** How often one report, for a period ending on {@code periodEnd}, says users were denied each feature. */
	public record Denials(LocalDate periodEnd, Map<String, Integer> times) {
	}

	/**
	 * The features users keep reaching for, with how often they were denied in all: those the
	 * reports deny in at least two periods (distinct period ends), at least {@code minDenials} times
	 * in all. The caller gives the reports of one subscription within the window it looks at.
	 */
	public static Map<String, Integer> featuresInDemand(List<Denials> reports, int minDenials) {
		var periods = new TreeMap<String, Set<LocalDate>>();
		var times = new TreeMap<String, Integer>();
		for (var report : reports) {
			report.times().forEach((feature, count) -> {
				periods.computeIfAbsent(feature, f -> new HashSet<>()).add(report.periodEnd());
				times.merge(feature, count, Integer::sum);
			});
		}
		var inDemand = new TreeMap<String, Integer>();
		times.forEach((feature, total) -> {
			if (periods.get(feature).size() >= 2 && total >= minDenials) {
				inDemand.put(feature, total);
			}
		});
		return inDemand;
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
