package dev.baton.postsales.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import dev.baton.organisation.BusinessCalendar;

/**
 * When a Live Optimization session is due, and the last day for it, on the board's business
 * calendar.
 */
public record LiveOptimizationWindow(LocalDate due, LocalDate latest) {

	public LiveOptimizationWindow {
		Objects.requireNonNull(due, "due");
		Objects.requireNonNull(latest, "latest");
	}

	/**
	 * The session's window counted from the close date, or empty when its last day is before
	 * today (the session is overdue by then, and a task nobody can do in time only adds noise). A
	 * window under way is due on the first working day from today.
	 */
	public static Optional<LiveOptimizationWindow> of(BusinessCalendar calendar, LocalDate closed, LocalDate today,
			int earliestMonths, int latestMonths) {
		var due = firstWorkingDay(calendar, closed.plusMonths(earliestMonths));
		var latest = lastWorkingDay(calendar, closed.plusMonths(latestMonths));
		if (latest.isBefore(today)) {
			return Optional.empty();
		}
		if (due.isBefore(today)) {
			due = firstWorkingDay(calendar, today);
		}
		return Optional.of(new LiveOptimizationWindow(due, latest.isBefore(due) ? due : latest));
	}

	static LocalDate firstWorkingDay(BusinessCalendar calendar, LocalDate from) {
		var day = from;
		for (int i = 0; i < 31 && !calendar.isWorkingDay(day); i++) {
			day = day.plusDays(1);
		}
		return day;
	}

	static LocalDate lastWorkingDay(BusinessCalendar calendar, LocalDate until) {
		var day = until;
		for (int i = 0; i < 31 && !calendar.isWorkingDay(day); i++) {
			day = day.minusDays(1);
		}
		return day;
	}
}
