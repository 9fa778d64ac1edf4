package dev.baton.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.TestClockConfiguration;
import dev.baton.organisation.Boards;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Region;

/**
 * The engagement module started with the modules it depends on and nothing that depends on it (no
 * demo data, assignment, governance or notifications): its clocks run on the board's calendar, so
 * a Sunday-to-Thursday board's triage falls due on the Sunday after a Thursday request.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@Transactional
class EngagementModuleTests {

	@Autowired
	Engagement engagement;

	@Autowired
	Organisation organisation;

	@Autowired
	Boards boards;

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void countsTriageTimeOnTheWorkingDaysOfASundayToThursdayBoard() {
		var hours = new EnumMap<DayOfWeek, Boards.CalendarChange.Hours>(DayOfWeek.class);
		for (var day : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY)) {
			hours.put(day, new Boards.CalendarChange.Hours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
		}
		if (organisation.regions().stream().noneMatch(region -> region.key().equals("EMEA"))) {
			organisation.addRegion(new Region("EMEA", "EMEA"));
		}
		boards.createBoard(new Boards.NewBoard("gulf-module-test", "Gulf", "EMEA", "Commercial",
				new Boards.CalendarChange("Asia/Dubai", hours, Map.of())));

		// Thursday 2026-12-03, 16:00 in Dubai: one business hour left that day, the rest on Sunday
		var due = engagement.preview("gulf-module-test", Instant.parse("2026-12-03T12:00:00Z"), false, null);

		assertThat(due.triageDueAt()).isEqualTo(Instant.parse("2026-12-06T12:00:00Z"));
		assertThat(engagement.slaPolicy("gulf-module-test").triageDays()).isEqualTo(1);
	}
}
