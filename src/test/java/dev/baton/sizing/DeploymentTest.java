package dev.baton.sizing;

import static dev.baton.sizing.Sizing.adjustmentTargets;
import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.reasons;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.Recommendation.Alternative;
import dev.baton.sizing.Recommendation.Component;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.NodePool;

/**
 * Linux package, Cloud Native Hybrid, and Cloud Native First as an alternative.
 */
class DeploymentTest {

	private static ProspectMetrics.Builder hybridWanted() {
		return metrics().kubernetes(KubernetesExperience.STRONG, KubernetesPreference.STATELESS_ON_KUBERNETES)
				.cloudProvider(CloudProvider.GCP);
	}

	@Test
	void recommendsCloudNativeHybridToATeamWithStrongKubernetesExperienceThatWantsIt() {
		Recommendation recommendation = recommend(hybridWanted().users(10_000));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.CLOUD_NATIVE_HYBRID);
		assertThat(recommendation.components().kubernetesNodePools()).extracting(NodePool::name)
				.containsExactly("Webservice", "Sidekiq", "Supporting services");
		assertThat(recommendation.components().virtualMachines()).extracting(Component::role)
				.doesNotContain("rails", "sidekiq", "monitoring", "external-load-balancer")
				.contains("gitaly", "praefect", "postgresql");
		assertThat(reasons(recommendation, RuleNames.DEPLOYMENT))
				.contains("Example Helm values for this size: charts/gitlab/examples/ref/10k.yaml [S1, S2, S4]");
	}

	@Test
	void addsUpTheHybridNodePoolsAndBackendVms() {
		Recommendation recommendation = recommend(hybridWanted().users(10_000));

		var components = recommendation.components();
		assertThat(components.kubernetesTotals().nodes()).isEqualTo(9);
		assertThat(components.kubernetesTotals().vcpu()).isEqualByComparingTo("100.6");
		assertThat(components.kubernetesTotals().memoryGb()).isEqualByComparingTo("158");
		assertThat(components.virtualMachineTotals().nodes()).isEqualTo(23);
		assertThat(components.virtualMachineTotals().vcpu()).isEqualByComparingTo("120");
		assertThat(components.virtualMachineTotals().memoryGb()).isEqualByComparingTo("381.6");
	}

	@Test
	void describesTheWebserviceAndSidekiqPodsOfTheHybrid() {
		Recommendation recommendation = recommend(hybridWanted().users(10_000));

		assertThat(recommendation.components().kubernetesNodePools()).extracting(NodePool::note).containsExactly(
				"at least 20 Webservice pods (about 80 Puma workers), each 4 Puma workers, 4 vCPU, 5 GB request / 7 GB limit",
				"14 Sidekiq workers, each 0.9 vCPU, 2 GB request / 4 GB limit", null);
	}

	@Test
	void keepsTheLinuxPackageWithoutStrongKubernetesExperience() {
		Recommendation recommendation = recommend(metrics().users(10_000)
				.kubernetes(KubernetesExperience.SOME, KubernetesPreference.STATELESS_ON_KUBERNETES));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA);
		assertThat(reasons(recommendation, RuleNames.DEPLOYMENT)).anyMatch(r -> r.startsWith("Kubernetes is wanted but the "
				+ "team's Kubernetes experience is some, so the Linux package.") && r.endsWith("[S2]"));
	}

	@Test
	void keepsTheLinuxPackageWhenZeroDowntimeUpgradesAreNeeded() {
		Recommendation recommendation = recommend(hybridWanted().users(10_000).zeroDowntimeUpgrades(true));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA);
		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("Kubernetes is wanted, but so are zero-downtime "
				+ "upgrades, which Cloud Native Hybrid does not offer"));
	}

	@Test
	void usesTheTwoKHybridForAOneKLoadBecauseOneKHasNoHybrid() {
		Recommendation recommendation = recommend(hybridWanted().users(500));

		assertThat(recommendation.architecture().id()).isEqualTo("2k");
		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.CLOUD_NATIVE_HYBRID);
		assertThat(recommendation.architecture().highAvailability()).isFalse();
		assertThat(reasons(recommendation, RuleNames.DEPLOYMENT))
				.anyMatch(r -> r.startsWith("1k has no Cloud Native Hybrid; use a modified 2k."));
		assertThat(recommendation.gitaly().topology()).isEqualTo(Recommendation.GitalyTopology.SINGLE_NODE);
	}

	@Test
	void usesTheThreeKHybridRatherThanReductionsForHaAtASmallLoad() {
		Recommendation recommendation = recommend(hybridWanted().users(500).highAvailability(true));

		assertThat(recommendation.architecture().id()).isEqualTo("3k");
		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.CLOUD_NATIVE_HYBRID);
		assertThat(adjustmentTargets(recommendation)).doesNotContain("3k architecture");
	}

	@Test
	void warnsThatTheHybridIsValidatedOnGcpAndAwsOnly() {
		Recommendation onAzure = recommend(hybridWanted().users(10_000).cloudProvider(CloudProvider.AZURE));
		Recommendation onAws = recommend(hybridWanted().users(10_000).cloudProvider(CloudProvider.AWS));

		assertThat(warnings(onAzure)).contains("Cloud Native Hybrid on Azure is outside what was validated. Cloud Native "
				+ "Hybrid is validated on GCP and AWS only. [S1]");
		assertThat(warnings(onAws)).noneMatch(w -> w.contains("outside what was validated"));
	}

	@Test
	void keepsThePublishedQuirkOfTheTwentyFiveKHybridInternalLoadBalancer() {
		Recommendation recommendation = recommend(hybridWanted().users(25_000));

		Component internalLb = recommendation.components().virtualMachines().stream()
				.filter(c -> c.role().equals("internal-load-balancer")).findFirst().orElseThrow();
		assertThat(internalLb.machineTypes().aws()).isEqualTo("c5.2xlarge");
		assertThat(internalLb.machineTypes().azure()).isNull();
		assertThat(internalLb.note()).contains("not c5n.2xlarge");
	}

	@Test
	void showsCloudNativeFirstBesideTheHybridWhenEverythingIsWantedOnKubernetes() {
		Recommendation recommendation = recommend(metrics().users(10_000)
				.kubernetes(KubernetesExperience.STRONG, KubernetesPreference.EVERYTHING_ON_KUBERNETES));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.CLOUD_NATIVE_HYBRID);
		Alternative first = recommendation.alternatives().get(0);
		assertThat(first.deployment()).isEqualTo(DeploymentType.CLOUD_NATIVE_FIRST);
		assertThat(first.size()).isEqualTo("M");
		assertThat(Sizing.cited(first.warnings())).contains(
				"Beta: Cloud Native First (Beta) is not yet recommended for production use. [S1]");
		assertThat(first.specification()).contains("Gitaly (sharded, on Kubernetes): 3 pods x 15 vCPU, 62 GB");
	}

	@Test
	void picksTheCloudNativeFirstSizeThatAllowsTheMonorepoUse() {
		Recommendation light = recommend(metrics().users(2000).monorepos(1, MonorepoUse.LIGHT)
				.kubernetes(KubernetesExperience.STRONG, KubernetesPreference.EVERYTHING_ON_KUBERNETES));
		Recommendation none = recommend(metrics().users(2000)
				.kubernetes(KubernetesExperience.STRONG, KubernetesPreference.EVERYTHING_ON_KUBERNETES));

		assertThat(light.alternatives().get(0).size()).isEqualTo("M");
		assertThat(none.alternatives().get(0).size()).isEqualTo("S");
	}

	@Test
	void offersNoCloudNativeFirstWithoutStrongKubernetesExperience() {
		Recommendation recommendation = recommend(metrics().users(10_000)
				.kubernetes(KubernetesExperience.SOME, KubernetesPreference.EVERYTHING_ON_KUBERNETES));

		assertThat(recommendation.alternatives()).isEmpty();
		assertThat(finding(recommendation, RuleNames.CLOUD_NATIVE_FIRST).decision())
				.isEqualTo("not offered: Kubernetes experience");
	}

	@Test
	void offersNoCloudNativeFirstToATeamThatOnlyWantsTheHybrid() {
		Recommendation recommendation = recommend(hybridWanted().users(10_000));

		assertThat(recommendation.alternatives()).isEmpty();
		assertThat(recommendation.rule(RuleNames.CLOUD_NATIVE_FIRST)).isEmpty();
	}

	@Test
	void listsThePublishedLinuxPackageComponentsWithTheirTotals() {
		Recommendation recommendation = recommend(metrics().users(10_000));

		var components = recommendation.components();
		assertThat(components.virtualMachines()).hasSize(13);
		assertThat(components.virtualMachineTotals().nodes()).isEqualTo(32);
		assertThat(components.virtualMachineTotals().vcpu()).isEqualByComparingTo("240");
		assertThat(components.virtualMachineTotals().memoryGb()).isEqualByComparingTo(new BigDecimal("535.2"));
		assertThat(components.kubernetesNodePools()).isEmpty();
		assertThat(components.externalServices()).containsExactly("Object storage");
	}
}
