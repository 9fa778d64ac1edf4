package dev.baton.sizing;

import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.reasons;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * "If in doubt, start large": heavy automation and additional workloads.
 */
class StartLargeTest {

	@Test
	void startsThreeThousandUsersWithHeavyAutomationAtFiveK() {
		// the docs' own example
		Recommendation recommendation = recommend(metrics().users(3000).offHoursShareOfPeak(0.6));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
		assertThat(finding(recommendation, RuleNames.START_LARGE).decision()).isEqualTo("start at 5k instead of 3k");
		assertThat(reasons(recommendation, RuleNames.START_LARGE)).contains(
				"Off-hours load is 60% of the peak, above 50%: heavy automation [S5]",
				"3,000 users with heavy automation: start at 5k. [S1]");
	}

	@Test
	void doesNotCountOffHoursLoadOfExactlyHalfThePeakAsHeavyAutomation() {
		Recommendation recommendation = recommend(metrics().users(3000).offHoursShareOfPeak(0.5));

		assertThat(recommendation.architecture().id()).isEqualTo("3k");
		assertThat(recommendation.rule(RuleNames.START_LARGE)).isEmpty();
	}

	@Test
	void countsOffHoursLoadJustAboveHalfThePeakAsHeavyAutomation() {
		Recommendation recommendation = recommend(metrics().users(3000).offHoursShareOfPeak(0.51));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
	}

	@Test
	void startsLargerForSubstantialAdditionalWorkloads() {
		Recommendation recommendation = recommend(metrics().users(5000).additionalWorkloads(true));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(reasons(recommendation, RuleNames.START_LARGE))
				.contains("Monitor, reduce full clones in CI, and raise bandwidth. [S1]");
	}

	@Test
	void startsLargerForHundredsOfCiJobsOnLargeRepositories() {
		Recommendation recommendation = recommend(metrics().users(5000).concurrentCiJobs(100).largestRepositoryGb(2.5));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
	}

	@Test
	void doesNotStartLargerForFewerThanAHundredCiJobs() {
		Recommendation recommendation = recommend(metrics().users(5000).concurrentCiJobs(99).largestRepositoryGb(2.5));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
		assertThat(recommendation.rule(RuleNames.START_LARGE)).isEmpty();
	}

	@Test
	void doesNotStartLargerForManyCiJobsOnSmallRepositories() {
		Recommendation recommendation = recommend(metrics().users(5000).concurrentCiJobs(500).largestRepositoryGb(2));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
	}

	@Test
	void keepsTheSizeWhenMeasuredRatesAlreadyCarryTheAutomation() {
		Recommendation recommendation = recommend(metrics().users(3000).peak(TrafficType.API, 60).offHoursShareOfPeak(0.7));

		assertThat(recommendation.architecture().id()).isEqualTo("3k");
		assertThat(finding(recommendation, RuleNames.START_LARGE).decision())
				.isEqualTo("no extra size: the measured rates include this load");
	}

	@Test
	void warnsThatTheLargestArchitectureCannotStartLarger() {
		Recommendation recommendation = recommend(metrics().users(40_000).offHoursShareOfPeak(0.9));

		assertThat(recommendation.architecture().id()).isEqualTo("50k");
		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("50k is already the largest documented"));
	}
}
