package dev.baton.assignment.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.baton.organisation.Seniority;

/**
 * How the assignment pages write seniorities, times and shares.
 */
final class Labels {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	private Labels() {
	}

	static String seniority(Seniority seniority) {
		if (seniority == Seniority.SA) {
			return "SA";
		}
		var name = seniority.name().toLowerCase(Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** As {@code Wed 2 Dec 14:00} in a zone, or an empty string. */
	static String time(Instant instant, ZoneId zone) {
		return instant == null ? "" : DAY_TIME.format(instant.atZone(zone));
	}

	/** A share from 0 to 1 as a whole percentage. */
	static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	/** As {@code 3 h 20 min} or {@code 2 d 4 h}; a dash for none. */
	static String duration(Duration duration) {
		if (duration == null) {
			return "-";
		}
		var days = duration.toDays();
		var hours = duration.toHoursPart();
		var minutes = duration.toMinutesPart();
		if (days > 0) {
			return days + " d " + hours + " h";
		}
		if (days == 0 && hours == 0 && minutes == 0) {
			return "under a minute";
		}
		return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
	}

	/** A count with its noun: "1 engaged request", "2 engaged requests". */
	static String count(long count, String singular, String plural) {
		return count + " " + (count == 1 ? singular : plural);
	}
}
