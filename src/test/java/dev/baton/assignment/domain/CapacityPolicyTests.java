package dev.baton.assignment.domain;

import static dev.baton.assignment.domain.Fixtures.CALENDAR;
import static dev.baton.assignment.domain.Fixtures.TODAY;
import static dev.baton.assignment.domain.Fixtures.absence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.assignment.AssignmentProperties;
import dev.baton.organisation.AbsenceKind;

/**
 * Load statuses and forward-looking capacity: 6 units per SA over 14 days, Stretched from 60%.
 * The horizon from Monday 23 November 2026 has 10 working days on a Monday-to-Friday calendar.
 */
class CapacityPolicyTests {

	private final CapacityPolicy policy = new CapacityPolicy(AssignmentProperties.defaults().capacity());
	private final UUID sam = UUID.randomUUID();

	@Test
	void statusFollowsLoadAgainstCapacity() {
		assertThat(policy.assess(0, List.of(), CALENDAR, TODAY).status()).isEqualTo(CapacityPolicy.Status.AVAILABLE);
		assertThat(policy.assess(3.5, List.of(), CALENDAR, TODAY).status()).isEqualTo(CapacityPolicy.Status.AVAILABLE);
		assertThat(policy.assess(3.6, List.of(), CALENDAR, TODAY).status()).isEqualTo(CapacityPolicy.Status.STRETCHED);
		assertThat(policy.assess(6, List.of(), CALENDAR, TODAY).status()).isEqualTo(CapacityPolicy.Status.AT_CAPACITY);
	}

	@Test
	void bookedAbsencesInTheHorizonReduceCapacity() {
		// Thu 26 to Wed 2 Dec: Thu, Fri, Mon, Tue, Wed are 5 of the 10 working days
		var away = List.of(absence(sam, AbsenceKind.PTO, "2026-11-26", "2026-12-02"));

		var capacity = policy.assess(2, away, CALENDAR, TODAY);

		assertThat(capacity.workingDays()).isEqualTo(10);
		assertThat(capacity.daysOut()).isEqualTo(5);
		assertThat(capacity.capacity()).isEqualTo(3.0);
		assertThat(capacity.status()).isEqualTo(CapacityPolicy.Status.STRETCHED);
		assertThat(capacity.reasons()).contains("5 working days out in the next 14 days");
	}

	@Test
	void holidaysAreNotCountedAsDaysOut() {
		var thanksgiving = CALENDAR.withHoliday(java.time.LocalDate.parse("2026-11-26"), "Thanksgiving");
		var away = List.of(absence(sam, AbsenceKind.PTO, "2026-11-26", "2026-11-27"));

		var capacity = policy.assess(0, away, thanksgiving, TODAY);

		assertThat(capacity.workingDays()).isEqualTo(9);
		assertThat(capacity.daysOut()).isEqualTo(1);
	}

	@Test
	void anSaAwayTodayIsOut() {
		var sick = List.of(absence(sam, AbsenceKind.SICK, "2026-11-23", "2026-11-23"));

		var capacity = policy.assess(0, sick, CALENDAR, TODAY);

		assertThat(capacity.status()).isEqualTo(CapacityPolicy.Status.OUT);
		assertThat(capacity.reasons()).contains("out today: off sick 23 Nov");
	}

	@Test
	void absencesAfterTheHorizonDoNotCount() {
		var later = List.of(absence(sam, AbsenceKind.PTO, "2026-12-07", "2026-12-18"));

		assertThat(policy.assess(0, later, CALENDAR, TODAY).daysOut()).isZero();
		assertThat(policy.assess(0, later, CALENDAR, TODAY).capacity()).isEqualTo(6.0);
	}

	@Test
	void povDaysOfHeldRequestsInTheHorizonReduceCapacity() {
		// POV days Tue 24 and Wed 25 Nov, Wed 25 also a PTO day, and Tue 8 Dec after the horizon
		var away = List.of(absence(sam, AbsenceKind.PTO, "2026-11-25", "2026-11-25"));
		var povDays = java.util.Set.of(java.time.LocalDate.parse("2026-11-24"), java.time.LocalDate.parse("2026-11-25"),
				java.time.LocalDate.parse("2026-11-28"), java.time.LocalDate.parse("2026-12-08"));

		var capacity = policy.assess(3, away, povDays, CALENDAR, TODAY);

		assertThat(capacity.daysOut()).isEqualTo(1);
		assertThat(capacity.fieldDays()).isEqualTo(1);
		assertThat(capacity.capacity()).isEqualTo(4.8);
		assertThat(capacity.status()).isEqualTo(CapacityPolicy.Status.STRETCHED);
		assertThat(capacity.reasons()).contains("1 POV day in the next 14 days");
		assertThat(policy.assess(3, away, CALENDAR, TODAY).status()).isEqualTo(CapacityPolicy.Status.AVAILABLE);
	}
}
