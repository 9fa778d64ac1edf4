package dev.baton.organisation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When a board works: its time zone, working hours per weekday and holidays. Days without hours
 * are closed.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, WorkingHours> hours, SortedMap<LocalDate, String> holidays) {

	public BusinessCalendar {
		Objects.requireNonNull(zone, "zone");
		var copy = new EnumMap<DayOfWeek, WorkingHours>(DayOfWeek.class);
		copy.putAll(hours);
		if (copy.isEmpty()) {
			throw new IllegalArgumentException("A business calendar needs working hours on at least one day");
		}
		hours = java.util.Collections.unmodifiableMap(copy);
		holidays = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
	}

	/** Monday to Friday, 09:00 to 17:00, no holidays: the default of every board. */
	public static BusinessCalendar standard(ZoneId zone) {
		var hours = new EnumMap<DayOfWeek, WorkingHours>(DayOfWeek.class);
		for (var day : java.util.List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.put(day, new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		return new BusinessCalendar(zone, hours, new TreeMap<>());
	}

	public BusinessCalendar withHoliday(LocalDate day, String name) {
		var copy = new TreeMap<>(holidays);
		copy.put(day, name);
		return new BusinessCalendar(zone, hours, copy);
	}

	/** The first holiday on or after a day, as "2026-12-25 Christmas Day", if any is known. */
	public java.util.Optional<String> nextHolidayFrom(LocalDate day) {
		var next = holidays.tailMap(day);
		return next.isEmpty() ? java.util.Optional.empty()
				: java.util.Optional.of(next.firstKey() + " " + next.get(next.firstKey()));
	}

	public boolean isWorkingDay(LocalDate day) {
		return hours.containsKey(day.getDayOfWeek()) && !holidays.containsKey(day);
	}

	/** Opening and closing time of a working day. */
	public record WorkingHours(LocalTime start, LocalTime end) {

		public WorkingHours {
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(end, "end");
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("Working hours must end after they start, but were " + start + "-" + end);
			}
		}
	}
}
