package dev.baton.organisation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * When a board works: its time zone, working hours per weekday and holidays. Days without hours
 * are closed.
 * <p>
 * The calendar also does business-time arithmetic for triage due dates and SLA clocks. Working
 * hours are local wall-clock times in {@link #zone()}, so a working day keeps its 09:00-17:00 across
 * a daylight-saving change; only a change inside working hours alters the day's length. Boundaries,
 * the same for every method:
 * <ul>
 * <li>A working period is half-open: the calendar is open at the opening time and closed at the
 * closing time, so a request in at exactly 17:00 arrives after hours and one at exactly 09:00 counts
 * from 09:00.</li>
 * <li>Time outside working periods (nights, closed weekdays, holidays) does not count; work that
 * arrives then starts counting at the next opening.</li>
 * <li>A closing and the next opening are the same point in business time. Results that land on it
 * are reported as the <em>closing</em> when counting forward (that is when the work really has to be
 * done; at the opening bell nobody has had a chance to act) and as the <em>opening</em> when counting
 * backward (the latest moment that still leaves the whole buffer).</li>
 * <li>Searches for the next or previous working period give up after {@value #SEARCH_YEARS} years and
 * throw {@link IllegalStateException}, so a calendar that never opens fails loudly instead of
 * looping.</li>
 * </ul>
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

	/** Whether the board works on this weekday at all (whatever the holidays). */
	public boolean opensOn(DayOfWeek day) {
		return hours.containsKey(day);
	}

	/** Whether the board works on a day: its weekday has hours and it is no holiday. */
	public boolean isWorkingDay(LocalDate day) {
		return hours.containsKey(day.getDayOfWeek()) && !holidays.containsKey(day);
	}

	/** How far a search for working time may look before the calendar counts as never open. */
	static final int SEARCH_YEARS = 3;

	/** Whether the board is working at an instant: at opening time yes, at closing time no. */
	public boolean isOpenAt(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		var period = periodOn(localDate(instant));
		return period != null && period.contains(instant);
	}

	/**
	 * The first instant at or after {@code instant} at which the board is open: the instant itself
	 * during working hours, otherwise the next opening; this is where business time starts counting.
	 */
	public Instant nextOpening(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		var period = periodEndingAfter(instant);
		return period.start().isAfter(instant) ? period.start() : instant;
	}

	/**
	 * The same local time of day {@code days} working days later, the rule for triage due dates
	 * (Monday 16:00 plus one is Tuesday 16:00; Friday 16:00 plus one is Monday 16:00).
	 * <ul>
	 * <li>Outside working hours counting starts at the next opening, and a whole business day counted
	 * from an opening ends at that day's closing: Friday 18:00, Saturday, Monday 07:00 and Monday
	 * 09:00 plus one are all due Monday 17:00, because the team gets all of Monday.</li>
	 * <li>When the target day's hours differ and the time of day falls after its closing, the due is
	 * that closing; falling at or before its opening, it is the previous working day's closing.</li>
	 * <li>Zero days returns {@code from} unchanged.</li>
	 * </ul>
	 * @throws IllegalArgumentException when {@code days} is negative
	 */
	public Instant addBusinessDays(Instant from, int days) {
		Objects.requireNonNull(from, "from");
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative, but was " + days);
		}
		if (days == 0) {
			return from;
		}
		var start = nextOpening(from).atZone(zone);
		var timeOfDay = start.toLocalTime();
		var previous = start.toLocalDate();
		var target = previous;
		for (int i = 0; i < days; i++) {
			previous = target;
			target = nextWorkingDayAfter(target);
		}
		var period = periodOn(target);
		var sameTime = ZonedDateTime.of(target, timeOfDay, zone).toInstant();
		if (!sameTime.isAfter(period.start())) {
			return periodOn(previous).end();
		}
		return sameTime.isBefore(period.end()) ? sameTime : period.end();
	}

	/**
	 * The earliest instant by which {@code businessTime} of working time has passed since
	 * {@code from}: 4 business hours from Monday 15:00 on a 09:00-17:00 calendar is Tuesday 11:00,
	 * and from Monday 13:00 it is Monday 17:00 (not Tuesday 09:00). Zero returns {@code from}.
	 * @throws IllegalArgumentException when {@code businessTime} is negative
	 */
	public Instant addBusinessTime(Instant from, Duration businessTime) {
		Objects.requireNonNull(from, "from");
		requireNotNegative(businessTime);
		var remaining = businessTime;
		var cursor = from;
		while (!remaining.isZero()) {
			var period = periodEndingAfter(cursor);
			var start = period.start().isAfter(cursor) ? period.start() : cursor;
			var available = Duration.between(start, period.end());
			if (remaining.compareTo(available) <= 0) {
				return start.plus(remaining);
			}
			remaining = remaining.minus(available);
			cursor = period.end();
		}
		return from;
	}

	/**
	 * The latest instant that leaves {@code businessTime} of working time before {@code to}, used for
	 * preparation buffers: 4 business hours before a Tuesday 10:00 meeting is Monday 14:00, and
	 * before a Tuesday 13:00 meeting it is Tuesday 09:00 (not Monday 17:00). Zero returns {@code to}.
	 * @throws IllegalArgumentException when {@code businessTime} is negative
	 */
	public Instant subtractBusinessTime(Instant to, Duration businessTime) {
		Objects.requireNonNull(to, "to");
		requireNotNegative(businessTime);
		var remaining = businessTime;
		var cursor = to;
		while (!remaining.isZero()) {
			var period = periodStartingBefore(cursor);
			var end = period.end().isBefore(cursor) ? period.end() : cursor;
			var available = Duration.between(period.start(), end);
			if (remaining.compareTo(available) <= 0) {
				return end.minus(remaining);
			}
			remaining = remaining.minus(available);
			cursor = period.start();
		}
		return to;
	}

	/**
	 * The working time between two instants, for paused SLA clocks and "how much of the target is
	 * left"; like {@link Duration#between} it is negative when {@code to} is before {@code from}, so
	 * an overdue target shows by how much.
	 */
	public Duration businessTimeBetween(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			return businessTimeBetween(to, from).negated();
		}
		var first = localDate(from);
		var last = localDate(to);
		if (ChronoUnit.DAYS.between(first, last) > 2 * 7) {
			// a long span (an SLA clock read years after it started): the whole days between the
			// two ends count by weekday, so the cost does not grow with the span
			return partOfDay(first, from, to).plus(wholeDays(first.plusDays(1), last.minusDays(1)))
					.plus(partOfDay(last, from, to));
		}
		var total = Duration.ZERO;
		for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
			total = total.plus(partOfDay(day, from, to));
		}
		return total;
	}

	/** The working time of one day that falls between two instants. */
	private Duration partOfDay(LocalDate day, Instant from, Instant to) {
		var period = periodOn(day);
		if (period == null) {
			return Duration.ZERO;
		}
		var start = period.start().isAfter(from) ? period.start() : from;
		var end = period.end().isBefore(to) ? period.end() : to;
		return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
	}

	/**
	 * The working time of the days {@code first} to {@code last} (inclusive), counted as whole
	 * weeks and weekdays at their nominal hours, then corrected on the holidays and on the days the
	 * zone's offset changes, which are computed one by one; the same as adding up each day.
	 */
	private Duration wholeDays(LocalDate first, LocalDate last) {
		if (last.isBefore(first)) {
			return Duration.ZERO;
		}
		var nominal = new EnumMap<DayOfWeek, Duration>(DayOfWeek.class);
		var week = Duration.ZERO;
		for (var day : DayOfWeek.values()) {
			var h = hours.get(day);
			var length = h == null ? Duration.ZERO : Duration.between(h.start(), h.end());
			nominal.put(day, length);
			week = week.plus(length);
		}
		var days = ChronoUnit.DAYS.between(first, last) + 1;
		var total = week.multipliedBy(days / 7);
		for (var day = first.plusDays(days / 7 * 7); !day.isAfter(last); day = day.plusDays(1)) {
			total = total.plus(nominal.get(day.getDayOfWeek()));
		}
		var special = new java.util.TreeSet<LocalDate>(holidays.subMap(first, last.plusDays(1)).keySet());
		var rules = zone.getRules();
		var end = last.plusDays(1).atStartOfDay(zone).toInstant();
		for (var transition = rules.nextTransition(first.atStartOfDay(zone).toInstant().minusSeconds(1));
				transition != null && transition.getInstant().isBefore(end);
				transition = rules.nextTransition(transition.getInstant())) {
			special.add(localDate(transition.getInstant()));
			special.add(localDate(transition.getInstant().minusSeconds(1)));
		}
		for (var day : special) {
			if (day.isBefore(first) || day.isAfter(last)) {
				continue;
			}
			var period = periodOn(day);
			total = total.minus(nominal.get(day.getDayOfWeek()))
					.plus(period == null ? Duration.ZERO : Duration.between(period.start(), period.end()));
		}
		return total;
	}

	private static void requireNotNegative(Duration businessTime) {
		Objects.requireNonNull(businessTime, "businessTime");
		if (businessTime.isNegative()) {
			throw new IllegalArgumentException("businessTime must not be negative, but was " + businessTime);
		}
	}

	private LocalDate localDate(Instant instant) {
		return instant.atZone(zone).toLocalDate();
	}

	/**
	 * The working period of a day, or null when the day is closed. Local times are resolved by
	 * ZonedDateTime, so a daylight-saving gap inside the hours shortens the period and an overlap
	 * lengthens it; a period that a gap swallows entirely counts as closed.
	 */
	private WorkingPeriod periodOn(LocalDate day) {
		if (!isWorkingDay(day)) {
			return null;
		}
		var dayHours = hours.get(day.getDayOfWeek());
		var start = ZonedDateTime.of(day, dayHours.start(), zone).toInstant();
		var end = ZonedDateTime.of(day, dayHours.end(), zone).toInstant();
		return end.isAfter(start) ? new WorkingPeriod(start, end) : null;
	}

	/** The first working period that ends after an instant (it may already have started). */
	private WorkingPeriod periodEndingAfter(Instant instant) {
		var first = localDate(instant);
		var limit = first.plusYears(SEARCH_YEARS);
		for (var day = first; !day.isAfter(limit); day = day.plusDays(1)) {
			var period = periodOn(day);
			if (period != null && period.end().isAfter(instant)) {
				return period;
			}
		}
		throw neverOpen("after", first);
	}

	/** The last working period that starts before an instant (it may not have ended yet). */
	private WorkingPeriod periodStartingBefore(Instant instant) {
		var first = localDate(instant);
		var limit = first.minusYears(SEARCH_YEARS);
		for (var day = first; !day.isBefore(limit); day = day.minusDays(1)) {
			var period = periodOn(day);
			if (period != null && period.start().isBefore(instant)) {
				return period;
			}
		}
		throw neverOpen("before", first);
	}

	private LocalDate nextWorkingDayAfter(LocalDate day) {
		var limit = day.plusYears(SEARCH_YEARS);
		for (var next = day.plusDays(1); !next.isAfter(limit); next = next.plusDays(1)) {
			if (periodOn(next) != null) {
				return next;
			}
		}
		throw neverOpen("after", day);
	}

	private IllegalStateException neverOpen(String direction, LocalDate day) {
		return new IllegalStateException("Business calendar in " + zone + " has no working hours within " + SEARCH_YEARS
				+ " years " + direction + " " + day + "; check its working hours and holidays");
	}

	/** One day's working time as instants, open at {@code start} and closed from {@code end}. */
	private record WorkingPeriod(Instant start, Instant end) {

		boolean contains(Instant instant) {
			return !instant.isBefore(start) && instant.isBefore(end);
		}
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
