package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.TrafficType;

/**
 * One edition of the reference-architecture data, exactly as its JSON file reads; the file is the
 * schema's documentation ({@code docs/sizing.md} explains each part).
 */
public record ReferenceData(int schema, String edition, String asOf, String title, String dating, String compiledFrom,
		List<Source> sources, LoadPerThousandUsers loadPerThousandUsers, List<Architecture> architectures,
		CloudNativeFirst cloudNativeFirst, Rules rules, Prometheus prometheus) {

	public ReferenceData {
		sources = List.copyOf(sources);
		// the rules walk sizes upwards, so the order is part of the contract, not of the file
		architectures = architectures.stream().sorted(Comparator.comparingInt(Architecture::users)).toList();
	}

	/** The architecture with this id. */
	public Optional<Architecture> architecture(String id) {
		return architectures.stream().filter(a -> a.id().equals(id)).findFirst();
	}

	public Architecture smallest() {
		return architectures.get(0);
	}

	public Architecture largest() {
		return architectures.get(architectures.size() - 1);
	}

	/** The next larger architecture, or this one if it is the largest. */
	public Architecture larger(Architecture architecture, int steps) {
		int index = architectures.indexOf(architecture);
		return architectures.get(Math.min(index + steps, architectures.size() - 1));
	}

	public int rank(Architecture architecture) {
		return architectures.indexOf(architecture);
	}

	public Architecture max(Architecture a, Architecture b) {
		return rank(a) >= rank(b) ? a : b;
	}

	public record Source(String id, String document, String location, String version) {
	}

	/** A statement from the docs and the sources it comes from. */
	public record Cited(String text, List<String> sources) {

		public Cited {
			sources = List.copyOf(sources);
		}
	}

	public record LoadPerThousandUsers(BigDecimal api, BigDecimal web, BigDecimal gitPull, BigDecimal gitPush,
			Cited rule) {
	}

	public record Architecture(String id, int users, String loadCategory, TargetRps targetRps,
			boolean highAvailability, String highAvailabilityNote, String gptOptions, List<String> sources,
			LinuxPackage linuxPackage, CloudNativeHybrid cloudNativeHybrid) {

		public BigDecimal target(TrafficType type) {
			return targetRps.of(type);
		}
	}

	public record TargetRps(BigDecimal api, BigDecimal web, BigDecimal gitPull, BigDecimal gitPush) {

		public BigDecimal of(TrafficType type) {
			return switch (type) {
				case API -> api;
				case WEB -> web;
				case GIT_PULL -> gitPull;
				case GIT_PUSH -> gitPush;
			};
		}
	}

	public record LinuxPackage(List<Vm> components, List<String> externalServices, Totals checkTotals) {

		public LinuxPackage {
			components = List.copyOf(components);
			externalServices = externalServices == null ? List.of() : List.copyOf(externalServices);
		}
	}

	/** A row of VMs; vCPU and memory are per node. */
	public record Vm(String role, String name, int nodes, boolean nodesAtLeast, BigDecimal vcpu, BigDecimal memoryGb,
			MachineTypes machineTypes, String note) {
	}

	public record MachineTypes(String gcp, String aws, String azure) {
	}

	public record Totals(int nodes, BigDecimal vcpu, BigDecimal memoryGb) {
	}

	public record CloudNativeHybrid(boolean available, boolean highAvailability, String note, UseInstead useInstead,
			List<Pool> nodePools, Integer webservicePodsAtLeast, Integer pumaWorkersApprox, Integer sidekiqWorkers,
			String valuesFile, List<Vm> backendVms, String backendVmsNote, List<String> externalServices) {

		public CloudNativeHybrid {
			nodePools = nodePools == null ? List.of() : List.copyOf(nodePools);
			backendVms = backendVms == null ? List.of() : List.copyOf(backendVms);
			externalServices = externalServices == null ? List.of() : List.copyOf(externalServices);
		}
	}

	public record UseInstead(String nonHa, String ha) {
	}

	/** A Kubernetes node pool; vCPU and memory are the GitLab components' requests in total. */
	public record Pool(String role, String name, int nodes, BigDecimal vcpu, BigDecimal memoryRequestGb,
			BigDecimal memoryLimitGb, MachineTypes machineTypes) {
	}

	public record PodSpec(Integer pumaWorkers, BigDecimal vcpu, BigDecimal memoryRequestGb, BigDecimal memoryLimitGb) {
	}

	public record CloudNativeFirst(String status, Cited productionUse, Cited description, List<String> externalServices,
			PodSpec webservicePod, List<String> sources, List<CloudNativeFirstSize> sizes) {

		public CloudNativeFirst {
			sizes = List.copyOf(sizes);
		}
	}

	public record CloudNativeFirstSize(String id, BigDecimal maxRps, MonorepoUse maxMonorepoUse, String monorepoNote,
			ScaledPods webservice, ScaledPods sidekiq, Pods gitaly, Resources supporting, Resources postgresql,
			Resources redis) {
	}

	public record ScaledPods(Integer podsMin, Integer podsMax, Integer workersMin, Integer workersMax, int nodes,
			MachineTypes machineTypes) {
	}

	public record Pods(int pods, BigDecimal vcpu, BigDecimal memoryGb) {
	}

	public record Resources(BigDecimal vcpu, BigDecimal memoryGb, MachineTypes machineTypes) {
	}

	public record Rules(PrimaryMetric primaryMetric, Cited largestAcrossTrafficTypes, Headroom headroom,
			DocumentedRange documentedRange, HeavyAutomation heavyAutomation, AdditionalWorkloads additionalWorkloads,
			StartLarge startLarge, WorkloadShape workloadShape, ApiShare apiShare, RepositoryRules repositories,
			AvailabilityRules availability, HybridRules cloudNativeHybrid, Geo geo, Recovery recovery,
			GitalyRules gitaly, CloudServices cloudServices) {
	}

	public record PrimaryMetric(Cited rpsFirst, Cited userCounts) {
	}

	public record Headroom(BigDecimal acceptWithinPercent, BigDecimal toleranceUpToPercent, Cited rule,
			List<String> examples) {
	}

	public record DocumentedRange(String largest, Cited rule) {
	}

	public record HeavyAutomation(BigDecimal offHoursShareOfPeakAbove, Cited rule) {
	}

	public record AdditionalWorkloads(int concurrentCiJobsFrom, BigDecimal largeRepositoryAboveGb, Cited rule,
			Cited remedy, String interpretation) {
	}

	public record StartLarge(int stepsUp, Cited rule, Cited example, Cited decisionTree, Cited totalLoad,
			String interpretation) {
	}

	public record WorkloadShape(BigDecimal factorMin, BigDecimal factorMax, Cited factorRule,
			PatternRule databaseIntensive, PatternRule gitIntensive, Cited readHeavyDatabase) {
	}

	public record PatternRule(Cited rule, List<String> roles) {
	}

	public record ApiShare(BigDecimal above, List<String> roles, Cited rule) {
	}

	public record RepositoryRules(BigDecimal scaleGitalyAboveGb, Cited scaleGitaly, Cited impact, Cited cost,
			BigDecimal separateGitalyFromGb, Cited separateGitaly, MonorepoBand mediumMonorepo,
			MonorepoBand largeMonorepo) {
	}

	/** A monorepo size band and its multipliers ({@code [min, max]}). */
	public record MonorepoBand(BigDecimal fromGb, BigDecimal toGb, BigDecimal aboveGb, Integer minCount,
			List<BigDecimal> gitaly, List<BigDecimal> rails, Cited rule, String interpretation) {
	}

	public record AvailabilityRules(int standaloneUpToUsers, BigDecimal standaloneUpToApiRps, int haFromUsers,
			BigDecimal haFromApiRps, Cited standalone, Cited ha, Cited haOnlyIf, Cited cost, ReducedHa reducedHa,
			Cited zeroDowntimeUpgrades, Cited network) {
	}

	public record ReducedHa(String architecture, Cited rule, List<String> reductions) {
	}

	public record HybridRules(Cited requirement, Cited decisionTree, List<String> validatedProviders, Cited validated,
			String smallestNonHa, String smallestHa, Cited smallest, int autoscalingFloorPercent, Cited guidance,
			PodSpec webservicePod, PodSpec sidekiqWorker, List<String> podSources) {
	}

	public record Geo(int replicationToleranceSeconds, Cited purpose, Cited caution, Cited unsupported,
			Cited recovery) {
	}

	public record Recovery(int praefectRpoBelowSeconds, int praefectRtoBelowSeconds, Cited standalone,
			Cited praefect) {
	}

	public record GitalyRules(Cited clusterDefault, Cited singleNode, Cited shardedSameSpecs, int activeUsersFrom,
			Cited activeUsers, Cited storage, List<Cited> clusterCaveats, Cited notOnKubernetes, Cited lowLatency,
			Cited monorepoCaveat, Cited mixedAllowed, Cited sharded, Cited kubernetes, Cited geoSites, Cited raft) {
	}

	public record CloudServices(BigDecimal cloudSqlEnterprisePlusFromRps, Cited paas,
			Map<String, List<Cited>> byProvider, Cited cloudSqlEnterprisePlus, Cited redis) {
	}

	public record Prometheus(String collectionPeriod, List<String> sources, String transcriptionNote,
			List<Query> queries, List<String> otherMethods) {
	}

	public record Query(String id, TrafficType trafficType, String statistic, String query, String purpose,
			List<String> sources) {
	}
}
