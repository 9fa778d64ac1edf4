package dev.baton.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import dev.baton.organisation.BusinessCalendar;

/**
 * Due times of a request on a Chicago board (Mon-Fri 09:00-17:00, Thanksgiving off).
 */
class RequestClockTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
	private static final BusinessCalendar CALENDAR = BusinessCalendar.standard(CHICAGO)
			.withHoliday(LocalDate.parse("2026-11-26"), "Thanksgiving");
	private static final SlaPolicy POLICY = SlaPolicy.standard("commercial-amer");

	private static Instant at(String local) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(local), CHICAGO).toInstant();
	}

	@Test
	void triageIsDueOneBusinessDayLaterAndTheSlaTwo() {
		var due = RequestClock.compute(CALENDAR, POLICY, at("2026-11-23T16:00"), false, null);

		assertThat(due.triageDueAt()).isEqualTo(at("2026-11-24T16:00"));
		assertThat(due.slaDueAt()).isEqualTo(at("2026-11-25T16:00"));
		assertThat(due.fastTrack()).isFalse();
	}

	@Test
	void holidaysDoNotCount() {
		var due = RequestClock.compute(CALENDAR, POLICY, at("2026-11-25T16:00"), false, null);

		assertThat(due.triageDueAt()).isEqualTo(at("2026-11-27T16:00"));
		assertThat(due.slaDueAt()).isEqualTo(at("2026-11-30T16:00"));
	}

	@Test
	void expediteMakesTheSlaFourBusinessHours() {
		var due = RequestClock.compute(CALENDAR, POLICY, at("2026-11-23T15:00"), true, null);

		assertThat(due.slaDueAt()).isEqualTo(at("2026-11-24T11:00"));
		assertThat(due.triageDueAt()).as("triage never after the SLA").isEqualTo(at("2026-11-24T11:00"));
		assertThat(due.reasons()).anyMatch(r -> r.contains("Expedite"));
	}

	@Test
	void aMeetingBeforeTheSlaPullsItToFourBusinessHoursAhead() {
		var due = RequestClock.compute(CALENDAR, POLICY, at("2026-11-23T16:00"), false, at("2026-11-25T10:00"));

		// Wednesday 09:00-10:00 gives one hour, Tuesday 14:00-17:00 the other three
		assertThat(due.slaDueAt()).isEqualTo(at("2026-11-24T14:00"));
		assertThat(due.triageDueAt()).isEqualTo(at("2026-11-24T14:00"));
		assertThat(due.reasons()).anyMatch(r -> r.contains("first meeting"));
	}

	@Test
	void aMeetingAfterTheSlaLeavesItAlone() {
		var due = RequestClock.compute(CALENDAR, POLICY, at("2026-11-23T16:00"), false, at("2026-11-30T10:00"));

		assertThat(due.slaDueAt()).isEqualTo(at("2026-11-25T16:00"));
	}

	@Test
	void aMeetingWithinTwentyFourHoursIsFastTrackAndDueAtOnce() {
		var received = at("2026-11-23T10:00");
		var due = RequestClock.compute(CALENDAR, POLICY, received, false, at("2026-11-23T13:00"));

		assertThat(due.fastTrack()).isTrue();
		assertThat(due.slaDueAt()).as("the buffer already passed").isEqualTo(received);
	}

	@Test
	void aMeetingJustOverTwentyFourHoursAwayIsNotFastTrack() {
		var due = RequestClock.compute(CALENDAR, POLICY, at("2026-11-23T10:00"), false, at("2026-11-24T10:01"));

		assertThat(due.fastTrack()).isFalse();
	}

	@Test
	void aCalendarTimePolicyCountsEveryHour() {
		var policy = new SlaPolicy("commercial-amer", 1, 2, java.time.Duration.ofHours(4), java.time.Duration.ofHours(4),
				java.time.Duration.ofHours(2), TimeBasis.CALENDAR, 0);

		var due = RequestClock.compute(CALENDAR, policy, at("2026-11-25T16:00"), false, null);

		// Thanksgiving and the night count: 24 and 48 plain hours
		assertThat(due.triageDueAt()).isEqualTo(at("2026-11-26T16:00"));
		assertThat(due.slaDueAt()).isEqualTo(at("2026-11-27T16:00"));
		assertThat(RequestClock.compute(CALENDAR, policy, at("2026-11-25T16:00"), true, null).slaDueAt())
				.isEqualTo(at("2026-11-25T20:00"));
	}

	@Test
	void aPausedClockGetsItsRemainingBusinessTimeBack() {
		var due = at("2026-11-24T16:00");
		// paused Monday 16:00 with 8 business hours left, resumed Wednesday 10:00: due Wednesday... Thanksgiving
		// falls on Thursday, so the 8 hours run Wed 10:00-17:00 (7h) and Friday 09:00-10:00 (1h)
		var resumed = RequestClock.resumed(CALENDAR, TimeBasis.BUSINESS, due, at("2026-11-23T16:00"), at("2026-11-25T10:00"));

		assertThat(resumed).isEqualTo(at("2026-11-27T10:00"));
	}

	@Test
	void aClockAlreadyOverdueWhenPausedStaysOverdue() {
		var due = at("2026-11-23T12:00");

		assertThat(RequestClock.resumed(CALENDAR, TimeBasis.BUSINESS, due, at("2026-11-23T16:00"), at("2026-11-25T10:00"))).isEqualTo(due);
	}
}
