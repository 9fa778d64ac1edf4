package dev.baton.postsales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.baton.organisation.BusinessCalendar;

class LiveOptimizationWindowTests {

	private static final BusinessCalendar CALENDAR = BusinessCalendar.standard(ZoneId.of("America/Chicago"));

	private static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

	@Test
	void theWindowCountsFromTheCloseDate() {
		var window = LiveOptimizationWindow.of(CALENDAR, day("2027-03-03"), day("2027-03-10"), 1, 2).orElseThrow();
		assertThat(window.due()).isEqualTo(day("2027-04-05"));
		assertThat(window.latest()).isEqualTo(day("2027-05-03"));
	}

	@Test
	void aWindowUnderWayIsDueOnTheNextWorkingDay() {
		// closed 1 February, told on Saturday 6 March: the window opened on 1 March
		var window = LiveOptimizationWindow.of(CALENDAR, day("2027-02-01"), day("2027-03-06"), 1, 2).orElseThrow();
		assertThat(window.due()).isEqualTo(day("2027-03-08"));
		assertThat(window.latest()).isEqualTo(day("2027-04-01"));
	}

	@Test
	void aWindowThatHasPassedGivesNoTask() {
		assertThat(LiveOptimizationWindow.of(CALENDAR, day("2026-06-30"), day("2027-01-20"), 1, 2)).isEmpty();
	}
}
