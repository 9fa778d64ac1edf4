package dev.baton.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.baton.engagement.RequestStatus;
import dev.baton.organisation.BusinessCalendar;

/**
 * The card's clock badge: green, amber under a quarter of the target time left, red when
 * breached, counted in business time.
 */
class SlaBadgeTests {

	private static final BusinessCalendar CHICAGO = BusinessCalendar.standard(ZoneId.of("America/Chicago"));
	// Monday 2026-11-23 16:00 Chicago; triage due Tuesday 16:00, SLA Wednesday 16:00 (8 business hours a day)
	private static final Instant RECEIVED = Instant.parse("2026-11-23T22:00:00Z");
	private static final Instant TRIAGE_DUE = Instant.parse("2026-11-24T22:00:00Z");
	private static final Instant SLA_DUE = Instant.parse("2026-11-25T22:00:00Z");

	private static SlaBadge badge(RequestStatus status, Instant now, TimeBasis basis) {
		return SlaBadge.assess(status, RECEIVED, TRIAGE_DUE, SLA_DUE, null, CHICAGO, basis, now);
	}

	@Test
	void aNewRequestIsGreenWhileMoreThanAQuarterOfItsTriageTimeIsLeft() {
		var badge = badge(RequestStatus.NEW, Instant.parse("2026-11-24T17:00:00Z"), TimeBasis.BUSINESS);

		assertThat(badge.level()).isEqualTo(SlaBadge.Level.GREEN);
		assertThat(badge.clock()).isEqualTo(SlaBadge.Clock.TRIAGE);
		// Tuesday 11:00 Chicago: five of the day's eight business hours are left before 16:00
		assertThat(badge.left()).isEqualTo(java.time.Duration.ofHours(5));
		assertThat(badge.dueAt()).isEqualTo(TRIAGE_DUE);
	}

	@Test
	void turnsAmberUnderAQuarterOfTheTargetTimeLeft() {
		// 1h59m of 8 business hours left
		var badge = badge(RequestStatus.NEW, Instant.parse("2026-11-24T20:01:00Z"), TimeBasis.BUSINESS);

		assertThat(badge.level()).isEqualTo(SlaBadge.Level.AMBER);
		assertThat(badge(RequestStatus.NEW, Instant.parse("2026-11-24T19:59:00Z"), TimeBasis.BUSINESS).level())
				.isEqualTo(SlaBadge.Level.GREEN);
	}

	@Test
	void nightsDoNotCountOnABusinessBoard() {
		// Monday 23:00 Chicago: the triage clock has all but one business hour left, though 17 of 24 hours remain
		var night = Instant.parse("2026-11-24T05:00:00Z");

		assertThat(badge(RequestStatus.NEW, night, TimeBasis.BUSINESS).level()).isEqualTo(SlaBadge.Level.GREEN);
		assertThat(badge(RequestStatus.NEW, Instant.parse("2026-11-24T17:30:00Z"), TimeBasis.CALENDAR).level())
				.isEqualTo(SlaBadge.Level.AMBER);
	}

	@Test
	void isRedOnceTheClockIsBreached() {
		assertThat(badge(RequestStatus.NEW, TRIAGE_DUE, TimeBasis.BUSINESS)).extracting(SlaBadge::level, SlaBadge::clock,
				SlaBadge::state).containsExactly(SlaBadge.Level.RED, SlaBadge.Clock.TRIAGE, SlaBadge.State.OVERDUE);
		assertThat(badge(RequestStatus.SA_TRIAGED, SLA_DUE.plusSeconds(60), TimeBasis.BUSINESS)).extracting(
				SlaBadge::level, SlaBadge::clock, SlaBadge::state).containsExactly(SlaBadge.Level.RED, SlaBadge.Clock.SLA,
						SlaBadge.State.OVERDUE);
	}

	@Test
	void aTriagedRequestRunsTheSlaAndAWaitingOneIsPaused() {
		var now = Instant.parse("2026-11-24T17:00:00Z");

		assertThat(badge(RequestStatus.SA_TRIAGED, now, TimeBasis.BUSINESS).clock()).isEqualTo(SlaBadge.Clock.SLA);
		assertThat(badge(RequestStatus.SA_WAITING, now, TimeBasis.BUSINESS).level()).isEqualTo(SlaBadge.Level.PAUSED);
		assertThat(SlaBadge.assess(RequestStatus.DONE, RECEIVED, TRIAGE_DUE, SLA_DUE, SLA_DUE.plusSeconds(1), CHICAGO,
				TimeBasis.BUSINESS, now).state()).isEqualTo(SlaBadge.State.MISSED);
	}

	@Test
	void theBadgeSaysBusinessHoursAndTheBoardsClockWithTheReadersBesideIt() {
		var messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		var words = new dev.baton.platform.Words(messages);
		var cards = new BadgeWords(words);
		// Tuesday 12:00 Chicago: four business hours left until 16:00, read by someone in Denver
		var badge = cards.badge(badge(RequestStatus.NEW, Instant.parse("2026-11-24T18:00:00Z"), TimeBasis.BUSINESS),
				ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"));

		assertThat(badge.text()).isEqualTo("Triage: 4 business hours left");
		assertThat(badge.due()).isEqualTo("due Tue 24 Nov 16:00 Chicago time (Tue 24 Nov 15:00 your time)");
		assertThat(cards.badge(badge(RequestStatus.NEW, Instant.parse("2026-11-24T18:00:00Z"), TimeBasis.CALENDAR),
				ZoneId.of("America/Chicago"), ZoneId.of("America/Chicago")).text()).isEqualTo("Triage: 4 hours left");
		// nights do not count: Monday 23:00 Chicago, all of Tuesday's 7 business hours until 16:00 are left
		assertThat(cards.badge(badge(RequestStatus.NEW, Instant.parse("2026-11-24T05:00:00Z"), TimeBasis.BUSINESS),
				ZoneId.of("America/Chicago"), null).text()).isEqualTo("Triage: 7 business hours left");
	}
}
