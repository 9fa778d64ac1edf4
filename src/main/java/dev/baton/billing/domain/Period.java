package dev.baton.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A billing period: from its first day up to, not including, its end.
 */
public record Period(LocalDate start, LocalDate end) implements Comparable<Period> {

	public Period {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("A period ends after it starts: " + start + " to " + end);
		}
	}

	/**
	 * The {@code index}-th period of {@code months} months from an anchor day. Each boundary is the
	 * anchor plus whole months, never the previous boundary plus a month, so a subscription billed
	 * on the 31st is billed on the 31st again after February (31 Jan, 28 or 29 Feb, 31 Mar, 30 Apr).
	 */
	public static Period of(LocalDate anchor, int months, int index) {
		if (months < 1) {
			throw new IllegalArgumentException("A billing period has at least one month, not " + months);
		}
		return new Period(anchor.plusMonths((long) index * months), anchor.plusMonths((long) (index + 1) * months));
	}

	/** The index of the period that contains {@code day}; negative before the anchor. */
	public static int indexOf(LocalDate anchor, int months, LocalDate day) {
		var index = (int) (ChronoUnit.MONTHS.between(anchor, day) / months);
		while (of(anchor, months, index).start().isAfter(day)) {
			index--;
		}
		while (!of(anchor, months, index).end().isAfter(day)) {
			index++;
		}
		return index;
	}

	/** The periods from the one containing {@code from} to the one containing {@code to}, oldest first. */
	public static List<Period> between(LocalDate anchor, int months, LocalDate from, LocalDate to) {
		var periods = new ArrayList<Period>();
		for (int i = Math.max(0, indexOf(anchor, months, from)); i <= indexOf(anchor, months, to); i++) {
			periods.add(of(anchor, months, i));
		}
		return periods;
	}

	public long days() {
		return ChronoUnit.DAYS.between(start, end);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(start) && day.isBefore(end);
	}

	@Override
	public int compareTo(Period other) {
		var byStart = start.compareTo(other.start);
		return byStart != 0 ? byStart : end.compareTo(other.end);
	}

	@Override
	public String toString() {
		return start + " to " + end;
	}
}
