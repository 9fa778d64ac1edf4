package dev.baton.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Business-time arithmetic of the board calendar: triage due dates, SLA clocks and preparation
 * buffers. Every calendar is the default Monday-Friday 09:00-17:00 unless a test says otherwise.
 * Instants are written with the offset that applies locally, so daylight-saving changes are
 * visible in the expected values; all of them were worked out by hand.
 */
class BusinessCalendarTests {

	// In America/New_York, 2026-06-08 is a Monday (EDT, -04:00); 06-12 Friday, 06-13 Saturday.
	// DST 2026/2027: US 2026-03-08 / 2026-11-01 and 2027-03-14 / 2027-11-07; EU 2026-03-29 /
	// 2026-10-25 and 2027-03-28 / 2027-10-31; Sydney ends 2026-04-05 and starts 2026-10-04.

	@ParameterizedTest(name = "{index}: {0} {2} + {3} business days = {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# the issue: Monday 16:00 -> Tuesday 16:00, Friday 16:00 -> Monday 16:00
			America/New_York | | 2026-06-08T16:00-04:00 | 1 | 2026-06-09T16:00-04:00
			America/New_York | | 2026-06-12T16:00-04:00 | 1 | 2026-06-15T16:00-04:00
			America/New_York | | 2026-06-10T11:30-04:00 | 1 | 2026-06-11T11:30-04:00
			# outside hours: counting starts at the next opening and the team gets that whole day
			America/New_York | | 2026-06-12T18:00-04:00 | 1 | 2026-06-15T17:00-04:00
			America/New_York | | 2026-06-13T11:00-04:00 | 1 | 2026-06-15T17:00-04:00
			America/New_York | | 2026-06-09T22:00-04:00 | 1 | 2026-06-10T17:00-04:00
			America/New_York | | 2026-06-08T07:30-04:00 | 1 | 2026-06-08T17:00-04:00
			# exactly 09:00 counts from 09:00; eight hours later is Monday's closing, the same business instant as Tuesday 09:00
			America/New_York | | 2026-06-08T09:00-04:00 | 1 | 2026-06-08T17:00-04:00
			# exactly 17:00 is after hours: counts from Tuesday 09:00, due at Tuesday's closing
			America/New_York | | 2026-06-08T17:00-04:00 | 1 | 2026-06-09T17:00-04:00
			America/New_York | | 2026-06-08T16:59:59-04:00 | 1 | 2026-06-09T16:59:59-04:00
			# Thanksgiving Thursday skipped
			America/New_York | 2026-11-26 | 2026-11-25T16:00-05:00 | 1 | 2026-11-27T16:00-05:00
			# arrives on the holiday: counts from Friday 09:00, due at Friday's closing
			America/New_York | 2026-11-26 | 2026-11-26T10:00-05:00 | 1 | 2026-11-27T17:00-05:00
			# Memorial Day, a Monday holiday right after the weekend
			America/New_York | 2026-05-25 | 2026-05-22T16:00-04:00 | 1 | 2026-05-26T16:00-04:00
			# Christmas Friday and substitute Boxing Day Monday around a weekend
			Europe/London | 2026-12-25;2026-12-28 | 2026-12-24T16:00Z | 1 | 2026-12-29T16:00Z
			# three closed working days: Thursday, Friday and Monday
			Europe/London | 2026-12-24;2026-12-25;2026-12-28 | 2026-12-23T16:00Z | 1 | 2026-12-29T16:00Z
			# Good Friday and Easter Monday
			Europe/Berlin | 2026-04-03;2026-04-06 | 2026-04-02T16:00+02:00 | 1 | 2026-04-07T16:00+02:00
			# the 48-hour SLA as two business days
			America/New_York | | 2026-06-08T10:00-04:00 | 2 | 2026-06-10T10:00-04:00
			America/New_York | | 2026-06-11T14:00-04:00 | 2 | 2026-06-15T14:00-04:00
			America/New_York | 2026-05-25 | 2026-05-22T16:00-04:00 | 2 | 2026-05-27T16:00-04:00
			# Saturday: all of Monday and Tuesday
			America/New_York | | 2026-06-13T11:00-04:00 | 2 | 2026-06-16T17:00-04:00
			# DST: the local time is kept, so 71 (spring) or 73 (autumn) hours pass on the clock
			America/New_York | | 2026-03-06T16:00-05:00 | 1 | 2026-03-09T16:00-04:00
			America/New_York | | 2026-10-30T16:00-04:00 | 1 | 2026-11-02T16:00-05:00
			America/Chicago | | 2027-03-12T16:00-06:00 | 1 | 2027-03-15T16:00-05:00
			Europe/Berlin | | 2026-03-27T16:00+01:00 | 1 | 2026-03-30T16:00+02:00
			Europe/Berlin | | 2027-10-29T16:00+02:00 | 1 | 2027-11-01T16:00+01:00
			Europe/London | | 2026-10-23T16:00+01:00 | 1 | 2026-10-26T16:00Z
			# Sydney: DST ends on Easter Sunday 2026, between Good Friday and Easter Monday
			Australia/Sydney | 2026-04-03;2026-04-06 | 2026-04-02T16:00+11:00 | 1 | 2026-04-07T16:00+10:00
			# Sydney: DST starts 2026-10-04, and Monday 10-05 is Labour Day
			Australia/Sydney | 2026-10-05 | 2026-10-02T16:00+10:00 | 1 | 2026-10-06T16:00+11:00
			# zero days: nothing to count, not even to the next opening
			America/New_York | | 2026-06-13T11:00-04:00 | 0 | 2026-06-13T11:00-04:00
			""")
	void businessDaysKeepTheLocalTimeAndSkipClosedTime(String zone, String holidays, String from, int days,
			String expected) {
		assertThat(calendar(zone, holidays).addBusinessDays(instant(from), days)).isEqualTo(instant(expected));
	}

	@ParameterizedTest(name = "{index}: {0} {2} + {3} = {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# the issue: 2h on Monday and 2h on Tuesday
			America/New_York | | 2026-06-08T15:00-04:00 | PT4H | 2026-06-09T11:00-04:00
			America/New_York | | 2026-06-08T10:00-04:00 | PT4H | 2026-06-08T14:00-04:00
			America/New_York | | 2026-06-08T10:00-04:00 | PT30M | 2026-06-08T10:30-04:00
			# used up exactly at closing: due at 17:00, not at Tuesday's opening
			America/New_York | | 2026-06-08T13:00-04:00 | PT4H | 2026-06-08T17:00-04:00
			# expedite over the weekend: 2h Friday, 2h Monday
			America/New_York | | 2026-06-12T15:00-04:00 | PT4H | 2026-06-15T11:00-04:00
			America/New_York | | 2026-06-13T10:00-04:00 | PT4H | 2026-06-15T13:00-04:00
			America/New_York | | 2026-06-08T17:00-04:00 | PT4H | 2026-06-09T13:00-04:00
			America/New_York | 2026-05-25 | 2026-05-22T15:00-04:00 | PT4H | 2026-05-26T11:00-04:00
			Europe/London | 2026-12-25;2026-12-28 | 2026-12-24T15:00Z | PT4H | 2026-12-29T11:00Z
			# 48 hours as two business days of 8 hours
			America/New_York | | 2026-06-08T10:00-04:00 | PT16H | 2026-06-10T10:00-04:00
			# across DST: 2h before the weekend, 2h after it, in the new offset
			Europe/Berlin | | 2026-03-27T15:00+01:00 | PT4H | 2026-03-30T11:00+02:00
			America/Chicago | | 2026-10-30T15:00-05:00 | PT4H | 2026-11-02T11:00-06:00
			Australia/Sydney | 2026-10-05 | 2026-10-02T15:00+10:00 | PT4H | 2026-10-06T11:00+11:00
			America/New_York | | 2026-06-13T10:00-04:00 | PT0S | 2026-06-13T10:00-04:00
			""")
	void businessTimeCountsOnlyWorkingHours(String zone, String holidays, String from, Duration businessTime,
			String expected) {
		assertThat(calendar(zone, holidays).addBusinessTime(instant(from), businessTime)).isEqualTo(instant(expected));
	}

	@ParameterizedTest(name = "{index}: {0} meeting {2} - {3} = {4}")
	@CsvSource(delimiter = '|', textBlock = """
			America/New_York | | 2026-06-09T14:00-04:00 | PT4H | 2026-06-09T10:00-04:00
			# 1h on Tuesday, 3h on Monday
			America/New_York | | 2026-06-09T10:00-04:00 | PT4H | 2026-06-08T14:00-04:00
			# the buffer fills Tuesday morning exactly: the latest start is Tuesday 09:00, not Monday 17:00
			America/New_York | | 2026-06-09T13:00-04:00 | PT4H | 2026-06-09T09:00-04:00
			America/New_York | | 2026-06-09T09:00-04:00 | PT4H | 2026-06-08T13:00-04:00
			# Monday meeting: 2h Monday, 2h Friday
			America/New_York | | 2026-06-15T11:00-04:00 | PT4H | 2026-06-12T15:00-04:00
			# meetings outside hours count back from the last closing
			America/New_York | | 2026-06-13T11:00-04:00 | PT4H | 2026-06-12T13:00-04:00
			America/New_York | | 2026-06-09T19:00-04:00 | PT4H | 2026-06-09T13:00-04:00
			# Memorial Day skipped: 1h Tuesday, 3h Friday
			America/New_York | 2026-05-25 | 2026-05-26T10:00-04:00 | PT4H | 2026-05-22T14:00-04:00
			America/New_York | | 2026-03-09T10:00-04:00 | PT4H | 2026-03-06T14:00-05:00
			Europe/London | | 2026-03-30T10:00+01:00 | PT4H | 2026-03-27T14:00Z
			Australia/Sydney | 2026-04-03;2026-04-06 | 2026-04-07T10:00+10:00 | PT4H | 2026-04-02T14:00+11:00
			America/New_York | | 2026-06-09T10:00-04:00 | PT0S | 2026-06-09T10:00-04:00
			""")
	void preparationBufferIsTakenFromWorkingHoursBeforeTheMeeting(String zone, String holidays, String meeting,
			Duration buffer, String expected) {
		assertThat(calendar(zone, holidays).subtractBusinessTime(instant(meeting), buffer)).isEqualTo(instant(expected));
	}

	@ParameterizedTest(name = "{index}: {0} {2} .. {3} = {4}")
	@CsvSource(delimiter = '|', textBlock = """
			America/New_York | | 2026-06-08T10:00-04:00 | 2026-06-08T15:00-04:00 | PT5H
			America/New_York | | 2026-06-08T09:00-04:00 | 2026-06-09T09:00-04:00 | PT8H
			America/New_York | | 2026-06-08T00:00-04:00 | 2026-06-15T00:00-04:00 | PT40H
			America/New_York | | 2026-06-08T16:30-04:00 | 2026-06-08T16:30-04:00 | PT0S
			# across the weekend: 2h Friday, 2h Monday
			America/New_York | | 2026-06-12T15:00-04:00 | 2026-06-15T11:00-04:00 | PT4H
			America/New_York | | 2026-06-12T17:00-04:00 | 2026-06-15T09:00-04:00 | PT0S
			America/New_York | | 2026-06-13T08:00-04:00 | 2026-06-14T20:00-04:00 | PT0S
			# across Thanksgiving: 2h Wednesday, 2h Friday
			America/New_York | 2026-11-26 | 2026-11-25T15:00-05:00 | 2026-11-27T11:00-05:00 | PT4H
			# only Thursday and Tuesday are open
			Europe/London | 2026-12-25;2026-12-28 | 2026-12-24T09:00Z | 2026-12-29T17:00Z | PT16H
			# 71h (spring) and 73h (autumn) on the clock, 5h Friday + 3h Monday of work
			America/Chicago | | 2026-03-06T12:00-06:00 | 2026-03-09T12:00-05:00 | PT8H
			Europe/London | | 2026-10-23T12:00+01:00 | 2026-10-26T12:00Z | PT8H
			# Easter and the end of Sydney's DST: 5h Thursday, 3h Tuesday
			Australia/Sydney | 2026-04-03;2026-04-06 | 2026-04-02T12:00+11:00 | 2026-04-07T12:00+10:00 | PT8H
			# reversed: negative, so an overdue target shows by how much
			America/New_York | | 2026-06-09T11:00-04:00 | 2026-06-08T15:00-04:00 | -PT4H
			""")
	void elapsedBusinessTimeSkipsNightsWeekendsAndHolidays(String zone, String holidays, String from, String to,
			Duration expected) {
		assertThat(calendar(zone, holidays).businessTimeBetween(instant(from), instant(to))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{index}: {0} {2} open={3}, next opening {4}")
	@CsvSource(delimiter = '|', textBlock = """
			America/New_York | | 2026-06-08T09:00-04:00 | true | 2026-06-08T09:00-04:00
			America/New_York | | 2026-06-08T08:59:59-04:00 | false | 2026-06-08T09:00-04:00
			America/New_York | | 2026-06-08T16:59:59-04:00 | true | 2026-06-08T16:59:59-04:00
			America/New_York | | 2026-06-08T17:00-04:00 | false | 2026-06-09T09:00-04:00
			# the calendar's zone decides the local time: 13:00Z is 09:00 in New York, 21:00Z is 17:00
			America/New_York | | 2026-06-08T13:00Z | true | 2026-06-08T13:00Z
			America/New_York | | 2026-06-08T21:00Z | false | 2026-06-09T13:00Z
			America/New_York | | 2026-06-12T17:00-04:00 | false | 2026-06-15T09:00-04:00
			America/New_York | | 2026-06-13T12:00-04:00 | false | 2026-06-15T09:00-04:00
			America/New_York | 2026-11-26 | 2026-11-26T10:00-05:00 | false | 2026-11-27T09:00-05:00
			America/New_York | 2026-05-25 | 2026-05-22T18:00-04:00 | false | 2026-05-26T09:00-04:00
			# Sunday night of the EU spring change, and Sydney's Easter weekend
			Europe/Berlin | | 2026-03-29T01:30+01:00 | false | 2026-03-30T09:00+02:00
			Australia/Sydney | | 2026-04-04T12:00+11:00 | false | 2026-04-06T09:00+10:00
			""")
	void opensAtOpeningTimeAndClosesAtClosingTime(String zone, String holidays, String at, boolean open,
			String nextOpening) {
		var calendar = calendar(zone, holidays);

		assertThat(calendar.isOpenAt(instant(at))).isEqualTo(open);
		assertThat(calendar.nextOpening(instant(at))).isEqualTo(instant(nextOpening));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-06-08T09:00-04:00", "2026-06-08T17:00-04:00", "2026-06-10T11:30-04:00",
			"2026-06-12T18:00-04:00", "2026-06-13T11:00-04:00", "2026-06-11T16:59:59-04:00" })
	void twoBusinessDaysAreSixteenBusinessHoursOnTheStandardCalendar(String from) {
		var calendar = BusinessCalendar.standard(ZoneId.of("America/New_York"));

		assertThat(calendar.addBusinessDays(instant(from), 2))
				.isEqualTo(calendar.addBusinessTime(instant(from), Duration.ofHours(16)));
	}

	@Test
	void waitingOnTheRequestorPausesTheTriageClock() {
		var calendar = BusinessCalendar.standard(ZoneId.of("America/New_York"));
		var arrived = instant("2026-06-08T16:00-04:00");
		var target = Duration.ofHours(8);
		var paused = instant("2026-06-08T16:30-04:00");
		var resumed = instant("2026-06-10T10:00-04:00");

		var left = target.minus(calendar.businessTimeBetween(arrived, paused));
		var due = calendar.addBusinessTime(resumed, left);

		assertThat(calendar.addBusinessTime(arrived, target)).isEqualTo(instant("2026-06-09T16:00-04:00"));
		assertThat(left).isEqualTo(Duration.ofMinutes(7 * 60 + 30));
		// 7h to Wednesday's closing, the last 30 minutes on Thursday morning
		assertThat(due).isEqualTo(instant("2026-06-11T09:30-04:00"));
	}

	@Test
	void daylightSavingChangeInsideWorkingHoursFollowsTheLocalClock() {
		// A night shift 01:00-05:00 every day; New York jumps 02:00 -> 03:00 on 2026-03-08 and
		// falls back 02:00 -> 01:00 on 2026-11-01, both inside the shift.
		var hours = new EnumMap<DayOfWeek, BusinessCalendar.WorkingHours>(DayOfWeek.class);
		for (var day : DayOfWeek.values()) {
			hours.put(day, new BusinessCalendar.WorkingHours(LocalTime.of(1, 0), LocalTime.of(5, 0)));
		}
		var calendar = new BusinessCalendar(ZoneId.of("America/New_York"), hours, new TreeMap<>());

		assertThat(calendar.businessTimeBetween(instant("2026-03-08T00:00-05:00"), instant("2026-03-09T00:00-04:00")))
				.isEqualTo(Duration.ofHours(3));
		assertThat(calendar.businessTimeBetween(instant("2026-11-01T00:00-04:00"), instant("2026-11-02T00:00-05:00")))
				.isEqualTo(Duration.ofHours(5));
		// 01:30 EST plus one working hour skips the missing hour
		assertThat(calendar.addBusinessTime(instant("2026-03-08T01:30-05:00"), Duration.ofHours(1)))
				.isEqualTo(instant("2026-03-08T03:30-04:00"));
		// 05:00 EST minus 4h is the second 01:00 of the night (01:00 EST), still inside the shift
		assertThat(calendar.subtractBusinessTime(instant("2026-11-01T05:00-05:00"), Duration.ofHours(4)))
				.isEqualTo(instant("2026-11-01T01:00-05:00"));
		assertThat(calendar.isOpenAt(instant("2026-11-01T01:30-04:00"))).isTrue();
		// business days keep the wall clock: Saturday 04:00 EST to Sunday 04:00 EDT
		assertThat(calendar.addBusinessDays(instant("2026-03-07T04:00-05:00"), 1))
				.isEqualTo(instant("2026-03-08T04:00-04:00"));
	}

	@Test
	void refusesNegativeDaysAndDurations() {
		var calendar = BusinessCalendar.standard(ZoneId.of("Europe/Berlin"));
		var from = instant("2026-06-08T10:00+02:00");

		assertThatThrownBy(() -> calendar.addBusinessDays(from, -1)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("days").hasMessageContaining("-1");
		assertThatThrownBy(() -> calendar.addBusinessTime(from, Duration.ofSeconds(-1)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("businessTime");
		assertThatThrownBy(() -> calendar.subtractBusinessTime(from, Duration.ofHours(-4)))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("businessTime");
	}

	@Test
	void calendarThatNeverOpensFailsInsteadOfSearchingForever() {
		var calendar = closedBetween(LocalDate.of(2023, 1, 1), LocalDate.of(2029, 12, 31));
		var from = instant("2026-06-08T10:00-04:00");

		assertThatThrownBy(() -> calendar.nextOpening(from)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no working hours within 3 years after 2026-06-08");
		assertThatThrownBy(() -> calendar.addBusinessDays(from, 1)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> calendar.addBusinessTime(from, Duration.ofHours(4)))
				.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> calendar.subtractBusinessTime(from, Duration.ofHours(4)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("no working hours within 3 years before 2026-06-08");
		// elapsed time needs no search: a closed year is simply no business time
		assertThat(calendar.businessTimeBetween(from, instant("2027-06-08T10:00-04:00"))).isZero();
	}

	@Test
	void longClosureWithinTheSearchLimitStillFindsTheNextOpening() {
		var calendar = closedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));

		// 2028-01-01 is a Saturday, so the first opening is Monday 2028-01-03
		assertThat(calendar.nextOpening(instant("2026-01-01T12:00-05:00"))).isEqualTo(instant("2028-01-03T09:00-05:00"));
	}

	private static BusinessCalendar calendar(String zone, String holidays) {
		var calendar = BusinessCalendar.standard(ZoneId.of(zone));
		if (holidays != null) {
			for (var day : holidays.split(";")) {
				calendar = calendar.withHoliday(LocalDate.parse(day.trim()), "holiday");
			}
		}
		return calendar;
	}

	@ParameterizedTest
	@ValueSource(strings = { "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Tokyo", "UTC" })
	void countsLongSpansByWholeWeeksExactlyAsDayByDay(String zone) {
		var hours = new EnumMap<DayOfWeek, BusinessCalendar.WorkingHours>(DayOfWeek.class);
		hours.put(DayOfWeek.MONDAY, new BusinessCalendar.WorkingHours(LocalTime.of(1, 30), LocalTime.of(17, 0)));
		hours.put(DayOfWeek.WEDNESDAY, new BusinessCalendar.WorkingHours(LocalTime.of(9, 0), LocalTime.of(12, 15)));
		hours.put(DayOfWeek.SUNDAY, new BusinessCalendar.WorkingHours(LocalTime.of(0, 0), LocalTime.of(23, 0)));
		var holidays = new TreeMap<LocalDate, String>();
		holidays.put(LocalDate.of(2025, 3, 30), "a Sunday of a clock change");
		holidays.put(LocalDate.of(2025, 12, 24), "Christmas Eve");
		holidays.put(LocalDate.of(2026, 4, 6), "a Monday");
		var calendar = new BusinessCalendar(ZoneId.of(zone), hours, holidays);
		var random = new java.util.Random(11);
		for (int i = 0; i < 200; i++) {
			var from = instant("2024-06-01T00:00:00Z").plusSeconds(random.nextInt(400 * 24 * 3600));
			var to = from.plusSeconds(random.nextInt(900 * 24 * 3600));
			// day by day: short spans take the plain loop
			var expected = Duration.ZERO;
			for (var cursor = from; cursor.isBefore(to); cursor = cursor.plus(Duration.ofDays(10))) {
				var end = cursor.plus(Duration.ofDays(10)).isBefore(to) ? cursor.plus(Duration.ofDays(10)) : to;
				expected = expected.plus(calendar.businessTimeBetween(cursor, end));
			}
			assertThat(calendar.businessTimeBetween(from, to)).as("%s to %s in %s", from, to, zone).isEqualTo(expected);
		}
	}

	private static BusinessCalendar closedBetween(LocalDate first, LocalDate last) {
		var holidays = new TreeMap<LocalDate, String>();
		for (var day = first; !day.isAfter(last); day = day.plusDays(1)) {
			holidays.put(day, "closed");
		}
		var standard = BusinessCalendar.standard(ZoneId.of("America/New_York"));
		return new BusinessCalendar(standard.zone(), standard.hours(), holidays);
	}

	private static Instant instant(String offsetDateTime) {
		return OffsetDateTime.parse(offsetDateTime).toInstant();
	}
}
