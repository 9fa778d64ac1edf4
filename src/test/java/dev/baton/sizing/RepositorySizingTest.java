package dev.baton.sizing;

import static dev.baton.sizing.Sizing.adjustments;
import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;

/**
 * Gitaly and Rails multipliers for large repositories and monorepos.
 */
class RepositorySizingTest {

	@Test
	void scalesGitalyAndRailsForALargeMonorepoWithFiguresFromThePublishedSpecs() {
		Recommendation recommendation = recommend(metrics().users(10_000).largestRepositoryGb(12));

		assertThat(adjustments(recommendation)).contains(
				"Gitaly (Gitaly Cluster): 2-4x specifications: from 3 x 16 vCPU, 60 GB to 32-64 vCPU, 120-240 GB per node",
				"GitLab Rails: 1.5-2x specifications: from 3 x 32 vCPU, 28.8 GB to 48-64 vCPU, 43.2-57.6 GB per node");
		assertThat(recommendation.gitaly().dedicatedMonorepoShard()).isTrue();
	}

	@Test
	void treatsExactlyTenGigabytesAsAMediumMonorepo() {
		Recommendation recommendation = recommend(metrics().users(10_000).largestRepositoryGb(10)
				.monorepos(2, MonorepoUse.MODERATE));

		assertThat(finding(recommendation, RuleNames.REPOSITORIES).decision())
				.isEqualTo("several medium monorepos: Gitaly 1.5-2x, Rails 1.25-1.5x");
		assertThat(recommendation.gitaly().dedicatedMonorepoShard()).isFalse();
	}

	@Test
	void treatsJustOverTenGigabytesAsALargeMonorepo() {
		Recommendation recommendation = recommend(metrics().users(10_000).largestRepositoryGb(10.01)
				.monorepos(2, MonorepoUse.MODERATE));

		assertThat(finding(recommendation, RuleNames.REPOSITORIES).decision()).startsWith("large monorepo");
	}

	@Test
	void needsSeveralMediumMonoreposForTheMediumMultipliers() {
		Recommendation one = recommend(metrics().users(5000).largestRepositoryGb(5).monorepos(1, MonorepoUse.LIGHT));
		Recommendation two = recommend(metrics().users(5000).largestRepositoryGb(5).monorepos(2, MonorepoUse.LIGHT));

		assertThat(finding(one, RuleNames.REPOSITORIES).decision()).isEqualTo("repository over 2 GB: scale Gitaly");
		assertThat(adjustments(one)).containsExactly(
				"Gitaly: scale up; up to 1.5-2x specifications for several such repositories");
		assertThat(adjustments(two)).contains(
				"Gitaly (Gitaly Cluster): 1.5-2x specifications: from 3 x 8 vCPU, 30 GB to 12-16 vCPU, 45-60 GB per node",
				"GitLab Rails: 1.25-1.5x specifications: from 3 x 16 vCPU, 14.4 GB to 20-24 vCPU, 18-21.6 GB per node");
	}

	@Test
	void leavesRepositoriesOfTwoGigabytesAlone() {
		Recommendation atTwo = recommend(metrics().users(5000).largestRepositoryGb(2));
		Recommendation aboveTwo = recommend(metrics().users(5000).largestRepositoryGb(2.01));

		assertThat(atTwo.rule(RuleNames.REPOSITORIES)).isEmpty();
		assertThat(atTwo.adjustments()).isEmpty();
		assertThat(aboveTwo.rule(RuleNames.REPOSITORIES)).isPresent();
	}

	@Test
	void suggestsASeparateGitalyBackendFromTwentyGigabytes() {
		Recommendation atTwenty = recommend(metrics().users(10_000).largestRepositoryGb(20));
		Recommendation below = recommend(metrics().users(10_000).largestRepositoryGb(19.99));

		assertThat(adjustments(atTwenty)).contains(
				"Gitaly for the monorepo: a separate Gitaly backend for the monorepo, or further increased specs");
		assertThat(Sizing.adjustmentTargets(below)).doesNotContain("Gitaly for the monorepo");
	}

	@Test
	void scalesTheWebserviceNodePoolInsteadOfRailsVmsOnTheHybrid() {
		Recommendation recommendation = recommend(metrics().users(10_000).largestRepositoryGb(12)
				.kubernetes(KubernetesExperience.STRONG, KubernetesPreference.STATELESS_ON_KUBERNETES));

		assertThat(adjustments(recommendation)).contains("Webservice node pool: 1.5-2x resources: from 80 vCPU, 100 GB "
				+ "requested to 120-160 vCPU, 150-200 GB in total");
	}

	@Test
	void scalesTheSingleNodeOfTheOneK() {
		Recommendation recommendation = recommend(metrics().users(500).largestRepositoryGb(12));

		assertThat(Sizing.adjustmentTargets(recommendation)).contains("Gitaly (on the single 1k node)");
	}

	@Test
	void warnsWhenMonoreposComeWithoutARepositorySize() {
		Recommendation recommendation = recommend(metrics().users(5000).monorepos(3, MonorepoUse.HEAVY));

		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("Monorepos were reported without the largest "
				+ "repository's size"));
		assertThat(recommendation.adjustments()).isEmpty();
	}
}
