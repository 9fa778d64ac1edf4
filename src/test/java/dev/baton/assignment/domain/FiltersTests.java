package dev.baton.assignment.domain;

import static dev.baton.assignment.domain.Fixtures.CIRCLE;
import static dev.baton.assignment.domain.Fixtures.OTHER_CIRCLE;
import static dev.baton.assignment.domain.Fixtures.request;
import static dev.baton.assignment.domain.Fixtures.sa;
import static dev.baton.assignment.domain.Fixtures.slot;
import static dev.baton.assignment.domain.Fixtures.withCalendar;
import static dev.baton.assignment.domain.Fixtures.withMembers;
import static dev.baton.assignment.domain.Fixtures.withSlots;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.baton.assignment.AssignmentRule;
import dev.baton.identity.Role;
import dev.baton.organisation.AbsenceKind;
import dev.baton.organisation.BusinessCalendar;

/**
 * The first stage: each filter excludes with a reason, and lets the others through.
 */
class FiltersTests {

	@Nested
	class Absence {

		private final AbsenceFilter filter = new AbsenceFilter();

		@Test
		void excludesAnSaOnPtoOverAPreferredMeetingDay() {
			var priya = sa("Priya").away(AbsenceKind.PTO, "2026-12-01", "2026-12-03").build();

			assertThat(filter.exclude(request(), priya)).contains("on PTO 1-3 Dec");
		}

		@Test
		void excludesAnSaOffSickOnAnyOfSeveralPreferredDays() {
			var request = withSlots(request(), List.of(slot("2026-12-01T15:00:00Z"), slot("2026-12-04T15:00:00Z")));
			var diego = sa("Diego").away(AbsenceKind.SICK, "2026-12-04", "2026-12-04").build();

			assertThat(filter.exclude(request, diego)).contains("off sick 4 Dec");
		}

		@Test
		void takesTheMeetingDayInTheBoardsTimeZone() {
			// 03:00 UTC on 3 Dec is still 2 Dec in Chicago
			var request = withSlots(request(), List.of(slot("2026-12-03T03:00:00Z")));
			var awayOnThe3rd = sa("Hannah").away(AbsenceKind.PTO, "2026-12-03", "2026-12-03").build();
			var awayOnThe2nd = sa("Kenji").away(AbsenceKind.PTO, "2026-12-02", "2026-12-02").build();

			assertThat(filter.exclude(request, awayOnThe3rd)).isEmpty();
			assertThat(filter.exclude(request, awayOnThe2nd)).isPresent();
		}

		@Test
		void letsThroughAnSaAwayOnOtherDays() {
			var sam = sa("Sam").away(AbsenceKind.PTO, "2026-12-07", "2026-12-11").build();

			assertThat(filter.exclude(request(), sam)).isEmpty();
		}

		@Test
		void withoutPreferredDatesExcludesAnSaAwayToday() {
			var request = withSlots(request(), List.of());
			var sam = sa("Sam").away(AbsenceKind.SICK, "2026-11-23", "2026-11-24").build();

			assertThat(filter.exclude(request, sam)).contains("off sick 23-24 Nov");
		}
	}

	@Nested
	class WorkingHours {

		private final WorkingHoursFilter filter = new WorkingHoursFilter(LocalTime.of(9, 0), LocalTime.of(17, 0));

		@Test
		void excludesAnSaForWhomEverySlotIsBeforeTheirDayStarts() {
			// 15:00 UTC is 07:00 in Los Angeles
			var hannah = sa("Hannah").zone("America/Los_Angeles").build();

			assertThat(filter.exclude(request(), hannah)).hasValueSatisfying(reason -> assertThat(reason)
					.startsWith("outside working hours (09:00-17:00 America/Los_Angeles)").contains("Wed 2 Dec 07:00"));
		}

		@Test
		void letsThroughAnSaForWhomTheSlotIsInTheirWorkingDay() {
			var priya = sa("Priya").zone("America/New_York").build();

			assertThat(filter.exclude(request(), priya)).isEmpty();
		}

		@Test
		void oneSlotInsideTheWorkingDayIsEnough() {
			var request = withSlots(request(), List.of(slot("2026-12-02T15:00:00Z"), slot("2026-12-02T20:00:00Z")));
			var hannah = sa("Hannah").zone("America/Los_Angeles").build();

			assertThat(filter.exclude(request, hannah)).isEmpty();
		}

		@Test
		void aWeekendSlotIsOutsideWorkingHours() {
			var request = withSlots(request(), List.of(slot("2026-12-05T16:00:00Z")));
			var priya = sa("Priya").zone("America/New_York").build();

			assertThat(filter.exclude(request, priya)).isPresent();
		}

		/** A board in the Gulf works Sunday to Thursday: its SAs meet on Sunday, not on Friday. */
		private final BusinessCalendar sundayToThursday = sundayToThursday();

		private static BusinessCalendar sundayToThursday() {
			var hours = new EnumMap<DayOfWeek, BusinessCalendar.WorkingHours>(DayOfWeek.class);
			for (var day : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
					DayOfWeek.THURSDAY)) {
				hours.put(day, new BusinessCalendar.WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0)));
			}
			return new BusinessCalendar(ZoneId.of("Asia/Dubai"), hours, new TreeMap<>(Map.of(
					LocalDate.parse("2026-12-02"), "National Day")));
		}

		@Test
		void aSundaySlotIsInsideWorkingHoursOnASundayToThursdayBoard() {
			// Sunday 6 Dec 08:00 UTC is 12:00 in Dubai
			var request = withCalendar(withSlots(request(), List.of(slot("2026-12-06T08:00:00Z"))), sundayToThursday);
			var layla = sa("Layla").zone("Asia/Dubai").build();

			assertThat(filter.exclude(request, layla)).isEmpty();
		}

		@Test
		void aFridaySlotIsOutsideWorkingHoursOnASundayToThursdayBoard() {
			// Friday 4 Dec 08:00 UTC is 12:00 in Dubai
			var request = withCalendar(withSlots(request(), List.of(slot("2026-12-04T08:00:00Z"))), sundayToThursday);
			var layla = sa("Layla").zone("Asia/Dubai").build();

			assertThat(filter.exclude(request, layla)).hasValueSatisfying(reason -> assertThat(reason)
					.startsWith("outside working hours (09:00-17:00 Asia/Dubai)").contains("Fri 4 Dec 12:00"));
			assertThat(filter.decide(request, layla).refuses(AssignmentRule.WORKING_HOURS)).isTrue();
		}

		@Test
		void aSlotOnABoardHolidayIsOutsideWorkingHours() {
			// Wednesday 2 Dec 08:00 UTC is 12:00 in Dubai, on the board's National Day
			var request = withCalendar(withSlots(request(), List.of(slot("2026-12-02T08:00:00Z"))), sundayToThursday);
			var layla = sa("Layla").zone("Asia/Dubai").build();

			assertThat(filter.exclude(request, layla)).isPresent();
		}

		@Test
		void theEndOfTheDayIsExclusive() {
			var request = withSlots(request(), List.of(slot("2026-12-02T22:00:00Z")));
			var priya = sa("Priya").zone("America/New_York").build();

			assertThat(filter.exclude(request, priya)).isPresent();
		}
	}

	@Nested
	class CircleMembership {

		private final CircleMembershipFilter filter = new CircleMembershipFilter();

		@Test
		void letsThroughAMemberOfTheRequestsCircle() {
			var sam = sa("Sam").build();

			assertThat(filter.exclude(withMembers(request(), Map.of(CIRCLE, Set.of(sam.personId()))), sam)).isEmpty();
		}

		@Test
		void excludesSomeoneNoCircleOfTheBoardHas() {
			var stranger = sa("Stranger").build();

			assertThat(filter.exclude(withMembers(request(), Map.of(CIRCLE, Set.of())), stranger))
					.contains("not a member of a circle on board commercial-amer");
		}

		@Test
		void excludesAHomeCandidateFromAnotherCircle() {
			var amara = sa("Amara").circle(OTHER_CIRCLE).build();
			var request = withMembers(request(), Map.of(OTHER_CIRCLE, Set.of(amara.personId())));

			assertThat(filter.exclude(request, amara)).contains("not in the request's circle");
		}

		@Test
		void letsThroughAnOtherCircleCandidateOfTheSameBoard() {
			var amara = sa("Amara").otherCircle().build();
			var request = withMembers(request(), Map.of(OTHER_CIRCLE, Set.of(amara.personId())));

			assertThat(filter.exclude(request, amara)).isEmpty();
		}

		@Test
		void excludesSomeoneWhoIsNoLongerAnSa() {
			var morgan = sa("Morgan").role(Role.SA_MANAGER).build();
			var request = withMembers(request(), Map.of(CIRCLE, Set.of(morgan.personId())));

			assertThat(filter.exclude(request, morgan)).contains("not an SA");
		}
	}
}
