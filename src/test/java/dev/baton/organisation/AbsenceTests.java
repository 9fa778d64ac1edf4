package dev.baton.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The absence value: inclusive dates, refused when it ends before it starts.
 */
class AbsenceTests {

	private static Absence absence(String start, String end) {
		return new Absence(UUID.randomUUID(), UUID.randomUUID(), AbsenceKind.PTO, LocalDate.parse(start),
				LocalDate.parse(end), "note", "someone", Instant.EPOCH);
	}

	@Test
	void coversBothEndDates() {
		var absence = absence("2026-12-21", "2026-12-24");

		assertThat(absence.covers(LocalDate.parse("2026-12-20"))).isFalse();
		assertThat(absence.covers(LocalDate.parse("2026-12-21"))).isTrue();
		assertThat(absence.covers(LocalDate.parse("2026-12-24"))).isTrue();
		assertThat(absence.covers(LocalDate.parse("2026-12-25"))).isFalse();
		assertThat(absence.days()).isEqualTo(4);
	}

	@Test
	void aOneDayAbsenceStartsAndEndsOnTheSameDay() {
		assertThat(absence("2026-12-21", "2026-12-21").days()).isEqualTo(1);
	}

	@Test
	void refusesAnEndBeforeTheStart() {
		assertThatThrownBy(() -> absence("2026-12-21", "2026-12-20")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("2026-12-21").hasMessageContaining("2026-12-20");
	}
}
