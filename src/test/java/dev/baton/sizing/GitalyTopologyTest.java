package dev.baton.sizing;

import static dev.baton.sizing.Sizing.cited;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.Recommendation.GitalyPlan;
import dev.baton.sizing.Recommendation.GitalyTopology;

/**
 * Single node, Gitaly Cluster (Praefect) or sharded, and why.
 */
class GitalyTopologyTest {

	@Test
	void usesASingleGitalyNodeWithoutHa() {
		GitalyPlan gitaly = recommend(metrics().users(1500)).gitaly();

		assertThat(gitaly.topology()).isEqualTo(GitalyTopology.SINGLE_NODE);
		assertThat(cited(gitaly.reasons())).contains("2k is not HA. 1k and 2k use a single Gitaly node. [S4]");
		assertThat(cited(gitaly.caveats())).anyMatch(c -> c.startsWith("A single Gitaly node has no failover."));
	}

	@Test
	void usesGitalyClusterWithHaAndListsItsCaveats() {
		GitalyPlan gitaly = recommend(metrics().users(5000)).gitaly();

		assertThat(gitaly.topology()).isEqualTo(GitalyTopology.CLUSTER_PRAEFECT);
		assertThat(cited(gitaly.reasons())).contains("Gitaly Cluster (Praefect), single-node failure: RPO < 1 min, "
				+ "RTO < 10 s. [S7]");
		assertThat(cited(gitaly.caveats())).contains(
				"Support for Gitaly Cluster (Praefect) is limited to Premium and Ultimate. [S7]",
				"Snapshot backups are unsupported and a single node must never be restored from a snapshot; use the "
						+ "backup Rake tasks or incremental backups. [S7]",
				"Gitaly needs SSD local storage; NFS and cloud file systems are unsupported. [S7]")
				.anyMatch(c -> c.startsWith("A Raft-based Gitaly Cluster is in development") && c.endsWith("[S9]"));
	}

	@Test
	void usesGitalyClusterForTheThreeKWithReductions() {
		GitalyPlan gitaly = recommend(metrics().users(1000).highAvailability(true)).gitaly();

		assertThat(gitaly.topology()).isEqualTo(GitalyTopology.CLUSTER_PRAEFECT);
	}

	@Test
	void citesTheActiveUserGuidanceAboveTwoThousandUsers() {
		GitalyPlan above = recommend(metrics().users(2001).highAvailability(true)).gitaly();
		GitalyPlan at = recommend(metrics().users(2000).highAvailability(true)).gitaly();

		assertThat(cited(above.reasons())).anyMatch(r -> r.startsWith("2,001 users. Installations with more than 2,000 "
				+ "active users"));
		assertThat(cited(at.reasons())).noneMatch(r -> r.contains("active users"));
	}

	@Test
	void putsALargeMonorepoOnAGitalyNodeOfItsOwnBesideTheClusterAndNotesTheDocsConflict() {
		Recommendation recommendation = recommend(metrics().users(10_000).largestRepositoryGb(15)
				.monorepos(1, MonorepoUse.HEAVY));
		GitalyPlan gitaly = recommendation.gitaly();

		assertThat(gitaly.topology()).isEqualTo(GitalyTopology.CLUSTER_PRAEFECT);
		assertThat(gitaly.dedicatedMonorepoShard()).isTrue();
		assertThat(cited(gitaly.reasons())).contains(
				"Mixed setups are allowed: standalone shards alongside Praefect virtual storages. [S7]");
		assertThat(cited(gitaly.caveats())).anyMatch(c -> c.contains("GitLab's own docs conflict here"));
		assertThat(recommendation.summary()).contains("Gitaly Cluster (Praefect) plus a Gitaly node for the monorepo");
	}

	@Test
	void shardsGitalyForALargeMonorepoWithoutHa() {
		GitalyPlan gitaly = recommend(metrics().users(1500).largestRepositoryGb(15)).gitaly();

		assertThat(gitaly.topology()).isEqualTo(GitalyTopology.SHARDED);
		assertThat(cited(gitaly.reasons())).anyMatch(r -> r.startsWith("A second Gitaly node for the monorepo makes the "
				+ "setup sharded."));
	}

	@Test
	void warnsOfThePrimaryReadBottleneckForAHeavilyUsedMultiGigabyteMonorepo() {
		GitalyPlan heavy = recommend(metrics().users(5000).largestRepositoryGb(6).monorepos(1, MonorepoUse.HEAVY))
				.gitaly();
		GitalyPlan light = recommend(metrics().users(5000).largestRepositoryGb(6).monorepos(1, MonorepoUse.LIGHT))
				.gitaly();

		assertThat(heavy.dedicatedMonorepoShard()).isFalse();
		assertThat(cited(heavy.caveats())).anyMatch(c -> c.contains("the Praefect primary may serve most or all reads"));
		assertThat(cited(light.caveats())).noneMatch(c -> c.contains("the Praefect primary may serve most or all reads"));
	}

	@Test
	void keepsGitalyClusterOnTheBackendVmsOfTheHybrid() {
		GitalyPlan gitaly = recommend(metrics().users(5000)
				.kubernetes(KubernetesExperience.STRONG, KubernetesPreference.STATELESS_ON_KUBERNETES)).gitaly();

		assertThat(gitaly.topology()).isEqualTo(GitalyTopology.CLUSTER_PRAEFECT);
		assertThat(cited(gitaly.reasons())).anyMatch(r -> r.startsWith("On Cloud Native Hybrid, Gitaly and Praefect "
				+ "stay on the backend VMs."));
	}

	@Test
	void warnsAgainstStretchingGitalyClusterAcrossRegions() {
		GitalyPlan gitaly = recommend(metrics().users(5000).multiRegionOrDisasterRecovery(true)).gitaly();

		assertThat(cited(gitaly.caveats())).contains(
				"If low latency between Gitaly nodes is impossible, use Geo instead of stretching Gitaly Cluster. [S7]");
	}
}
