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
}
