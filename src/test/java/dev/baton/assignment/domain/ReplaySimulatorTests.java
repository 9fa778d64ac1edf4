package dev.baton.assignment.domain;

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
		}
	}

	/**
	 * The simulator is deterministic per seed, so seed 42 gives exactly the figures written down in
	 * docs/benchmarks.md; a change to a policy or a default that moves them fails here, and the
	 * benchmark page is updated with the new figures in the same commit.
	 */
	@Test
	void seed42GivesTheFiguresOfTheBenchmarkPage() {
		assertThat(ReplaySimulator.table(42, 6).lines().toList()).containsSubsequence(
				"| baton | 100.0% | 0.9977 | 96% | 0.00 | 0.02 | 67% | 0 | 0 | 4.2 / 1.1 |",
				"| round-robin | 95.9% | 0.9974 | 58% | 0.00 | 0.02 | 60% | 5 | 0 | 4.8 / 1.1 |",
				"| least-loaded | 95.9% | 0.9946 | 53% | 0.00 | 0.00 | 53% | 5 | 0 | 4.0 / 1.5 |",
				"| random | 76.2% | 0.9813 | 52% | 0.00 | 1.13 | 60% | 6 | 0 | 7.5 / 0.3 |",
				"| first-free | 86.1% | 0.6322 | 48% | 0.00 | 0.30 | 20% | 13 | 0 | 6.5 / 0.0 |");
	}

	@Test
	void batonBeatsEveryBaselineOnSlaFairnessAndSkillMatchForSeed42() {
		var workload = ReplaySimulator.generate(42, 6);
		var baton = ReplaySimulator.run("baton", workload, 42);

		for (var policy : ReplaySimulator.POLICIES.subList(1, ReplaySimulator.POLICIES.size())) {
			var baseline = ReplaySimulator.run(policy, workload, 42);

			assertThat(baton.slaAttainment()).as("SLA attainment against " + policy)
					.isGreaterThan(baseline.slaAttainment());
			assertThat(baton.jain()).as("Jain's index against " + policy).isGreaterThan(baseline.jain());
			assertThat(baton.skillMatch()).as("skill match against " + policy).isGreaterThan(baseline.skillMatch());
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
