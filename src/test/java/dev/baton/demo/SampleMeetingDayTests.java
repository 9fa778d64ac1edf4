package dev.baton.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.BatonIntegrationTest;
import dev.baton.organisation.Boards;
import dev.baton.organisation.Organisation;

/**
 * The sample requests' meetings fall on the board's working days, not on a hard-coded Monday to
 * Friday: a Sunday-to-Thursday board meets on Sundays and never on Fridays.
 */
@BatonIntegrationTest
@Transactional
class SampleMeetingDayTests {

	private static final ZoneId DUBAI = ZoneId.of("Asia/Dubai");

	@Autowired
	Organisation organisation;

	@Autowired
	Boards boards;

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void countsTheWorkingDaysOfASundayToThursdayBoard() {
		var hours = new EnumMap<DayOfWeek, Boards.CalendarChange.Hours>(DayOfWeek.class);
		for (var day : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY)) {
			hours.put(day, new Boards.CalendarChange.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		var board = boards.createBoard(new Boards.NewBoard("sun-thu-test", "Sunday to Thursday", "EMEA",
				"Commercial", new Boards.CalendarChange(DUBAI.getId(), hours, Map.of())));
		var thursday = LocalDate.parse("2026-12-03");

		var next = SampleRequests.meetingDay(board.calendar(), DUBAI, thursday, 1);
		var third = SampleRequests.meetingDay(board.calendar(), DUBAI, thursday, 3);

		assertThat(next.atZone(DUBAI).toLocalDate()).isEqualTo(LocalDate.parse("2026-12-06"));
		assertThat(next.atZone(DUBAI).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
		assertThat(third.atZone(DUBAI).toLocalDate()).isEqualTo(LocalDate.parse("2026-12-08"));
		assertThat(next.atZone(DUBAI).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
	}
}
