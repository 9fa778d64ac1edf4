package dev.baton.assignment.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How reasons write dates and numbers, the same in every policy.
 */
public final class Texts {

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private Texts() {
	}

	/** As {@code 3 Dec}, {@code 12-16 May} or {@code 28 Apr-2 May}; the year only when the range crosses one. */
	public static String days(LocalDate start, LocalDate end) {
		if (start.equals(end)) {
			return DAY_MONTH.format(start);
		}
		if (start.getYear() != end.getYear()) {
			return DAY_MONTH.format(start) + " " + start.getYear() + "-" + DAY_MONTH.format(end) + " " + end.getYear();
		}
		if (start.getMonth() == end.getMonth()) {
			return start.getDayOfMonth() + "-" + DAY_MONTH.format(end);
		}
		return DAY_MONTH.format(start) + "-" + DAY_MONTH.format(end);
	}

	/** As {@code 1 request} or {@code 3 requests}. */
	public static String count(long n, String singular, String plural) {
		return n + " " + (n == 1 ? singular : plural);
	}

	/** Two decimals at most, for scores and load in the API. */
	public static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** A number without a trailing {@code .0}. */
	public static String number(double value) {
		var rounded = round(value);
		return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
	}
}
