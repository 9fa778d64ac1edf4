package dev.baton.sizing;

import static dev.baton.sizing.Sizing.adjustmentTargets;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.ProspectMetrics.WorkloadPattern;

/**
 * Component adjustments for the workload's shape.
 */
class WorkloadShapeTest {

	@Test
	void scalesRailsAndTheDatabaseForADatabaseIntensiveWorkload() {
		Recommendation recommendation = recommend(metrics().users(5000).workloadPattern(WorkloadPattern.DATABASE_INTENSIVE));

		assertThat(adjustmentTargets(recommendation)).containsExactly("GitLab Rails", "PostgreSQL");
		assertThat(Sizing.adjustments(recommendation)).contains(
				"PostgreSQL: 1.25-1.5x specifications: from 3 x 4 vCPU, 15 GB to 5-6 vCPU, 18.75-22.5 GB per node");
		assertThat(Sizing.reasons(recommendation, RuleNames.WORKLOAD_SHAPE)).contains(
				"Read-heavy databases (85-95% reads): use database load balancing with read replicas. [S5]");
	}

	@Test
	void scalesSidekiqGitalyAndTheDatabaseForAGitIntensiveWorkload() {
		Recommendation recommendation = recommend(metrics().users(5000).workloadPattern(WorkloadPattern.GIT_INTENSIVE));

		assertThat(adjustmentTargets(recommendation)).containsExactly("Sidekiq", "Gitaly (Gitaly Cluster)", "PostgreSQL");
	}

	@Test
	void leavesTheComponentsAloneWhenNoPatternIsDetected() {
		Recommendation recommendation = recommend(metrics().users(5000));

		assertThat(recommendation.rule(RuleNames.WORKLOAD_SHAPE)).isEmpty();
	}

	@Test
	void increasesRailsWhenApiIsAboveNinetyPercentOfTheTraffic() {
		Recommendation recommendation = recommend(allPeaks(91, 3, 5, 1));

		assertThat(adjustmentTargets(recommendation)).containsExactly("GitLab Rails");
		assertThat(Sizing.reasons(recommendation, RuleNames.WORKLOAD_SHAPE))
				.anyMatch(r -> r.startsWith("API is 91% of the peak traffic, above 90%."));
	}

	@Test
	void leavesRailsAloneWhenApiIsExactlyNinetyPercent() {
		Recommendation recommendation = recommend(allPeaks(90, 4, 5, 1));

		assertThat(recommendation.rule(RuleNames.WORKLOAD_SHAPE)).isEmpty();
	}

	@Test
	void needsEveryPeakToJudgeTheApiShare() {
		Recommendation recommendation = recommend(metrics().peak(TrafficType.API, 95).peak(TrafficType.WEB, 2));

		assertThat(recommendation.rule(RuleNames.WORKLOAD_SHAPE)).isEmpty();
	}

	private static ProspectMetrics.Builder allPeaks(double api, double web, double pull, double push) {
		return metrics().peak(TrafficType.API, api).peak(TrafficType.WEB, web).peak(TrafficType.GIT_PULL, pull)
				.peak(TrafficType.GIT_PUSH, push);
	}
}
