package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The replay simulator is a benchmark, but its workload must be reproducible and its Baton policy
 * must keep to the filters it claims: nobody is booked for a meeting on a day they are away.
 */
class ReplaySimulatorTests {

	@Test
	void theSameSeedGivesTheSameTable() {
		assertThat(ReplaySimulator.table(7, 6)).isEqualTo(ReplaySimulator.table(7, 6));
		assertThat(ReplaySimulator.table(7, 6)).isNotEqualTo(ReplaySimulator.table(8, 6));
	}

	@Test
	void batonNeverBooksAnSaForAMeetingOnTheirAbsence() {
		var workload = ReplaySimulator.generate(42, 6);

		var baton = ReplaySimulator.run("baton", workload, 42);
		var roundRobin = ReplaySimulator.run("round-robin", workload, 42);

		assertThat(baton.meetingConflicts()).isZero();
		assertThat(baton.placed()).isPositive();
		assertThat(roundRobin.placed()).isEqualTo(workload.requests().size());
	}

	@Test
	void workStartsNoEarlierThanItIsAssignedAndEveryRequestIsAccountedFor() {
		var workload = ReplaySimulator.generate(42, 6);

		for (var policy : ReplaySimulator.POLICIES) {
			var result = ReplaySimulator.run(policy, workload, 42);

			assertThat(result.meanDaysToStart()).as(policy).isGreaterThanOrEqualTo(result.meanDaysToAssign());
			assertThat(result.placed() + result.unplaced()).as(policy).isEqualTo(workload.requests().size());
			assertThat(result.slaAttainment()).as(policy).isBetween(0.0, 1.0);
		}
	}

	@Test
	void businessDaysSkipTheWeekend() {
		// Friday 8 January 2027 to Monday 11 January 2027 is one business day
		assertThat(ReplaySimulator.businessDays(java.time.LocalDate.parse("2027-01-08"),
				java.time.LocalDate.parse("2027-01-11"))).isEqualTo(1);
		assertThat(ReplaySimulator.businessDays(java.time.LocalDate.parse("2027-01-08"),
				java.time.LocalDate.parse("2027-01-08"))).isZero();
	}
}
