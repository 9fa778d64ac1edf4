package dev.baton.sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.WorkloadPattern;
import dev.baton.sizing.Recommendation.SizingBasis;

/**
 * The words the sizing pages use for the engine's choices and values; one instance is handed to the
 * templates as {@code labels}.
 */
final class SizingLabels {

	static final SizingLabels INSTANCE = new SizingLabels();

	/** A choice of a select: its value and what people read. */
	record Option(String value, String label) {
	}

	private static final Map<Enum<?>, String> WORDS = Map.ofEntries(
			Map.entry(MonorepoUse.NONE, "None"), Map.entry(MonorepoUse.LIGHT, "Light"),
			Map.entry(MonorepoUse.MODERATE, "Moderate"), Map.entry(MonorepoUse.HEAVY, "Heavy"),
			Map.entry(WorkloadPattern.NONE_DETECTED, "No clear pattern"),
			Map.entry(WorkloadPattern.DATABASE_INTENSIVE,
					"Database-intensive: mostly non-Git API (webhooks, issues, groups, projects)"),
			Map.entry(WorkloadPattern.GIT_INTENSIVE, "Git/CI-intensive: mostly Git, CI and Sidekiq endpoints"),
			Map.entry(KubernetesExperience.NONE, "None"), Map.entry(KubernetesExperience.SOME, "Some"),
			Map.entry(KubernetesExperience.STRONG, "Strong working knowledge"),
			Map.entry(KubernetesPreference.NONE, "Virtual machines only"),
			Map.entry(KubernetesPreference.STATELESS_ON_KUBERNETES,
					"Stateless components on Kubernetes (Cloud Native Hybrid)"),
			Map.entry(KubernetesPreference.EVERYTHING_ON_KUBERNETES,
					"Everything on Kubernetes (Cloud Native First, Beta)"),
			Map.entry(CloudProvider.GCP, "Google Cloud"), Map.entry(CloudProvider.AWS, "AWS"),
			Map.entry(CloudProvider.AZURE, "Azure"), Map.entry(CloudProvider.ON_PREMISES, "On premises"),
			Map.entry(CloudProvider.OTHER, "Another cloud"), Map.entry(CloudProvider.UNKNOWN, "Not known yet"),
			Map.entry(SizingBasis.PEAK_RPS, "the peak requests per second"),
			Map.entry(SizingBasis.SUSTAINED_RPS,
					"the sustained (p95) requests per second, the peak being within the built-in headroom"),
			Map.entry(SizingBasis.USER_COUNT, "the user count, no request rate being known"));

	private SizingLabels() {
	}

	private static final Map<String, String> FIELDS = fieldNames();

	private static Map<String, String> fieldNames() {
		var names = new HashMap<String, String>(Map.of("users", "Users",
				"repositories.largestRepositoryGb", "Largest repository", "repositories.monorepoCount", "Monorepos",
				"repositories.monorepoUse", "Monorepo use", "automation.concurrentCiJobs", "Concurrent CI jobs",
				"automation.offHoursShareOfPeak", "Off-hours share of the peak",
				"automation.workloadPattern", "Workload pattern",
				"availability.recoveryPointObjective", "Recovery point objective",
				"availability.recoveryTimeObjective", "Recovery time objective"));
		names.putAll(Map.of("hosting.kubernetesExperience", "Kubernetes experience",
				"hosting.kubernetesPreference", "Kubernetes preference", "hosting.cloudProvider", "Where it will run",
				"edition", "Data edition", "opportunityId", "Opportunity", "note", "Note"));
		for (TrafficType type : TrafficType.values()) {
			names.put("rps." + type.key(), type.label() + " rates");
			names.put("rps." + type.key() + ".peak", type.label() + " peak RPS");
			names.put("rps." + type.key() + ".sustained", type.label() + " sustained RPS (p95)");
		}
		return Map.copyOf(names);
	}

	/** The label of a form field, by its JSON path. */
	public String field(String path) {
		return FIELDS.getOrDefault(path, path);
	}

	/** What people read for one of the engine's choices. */
	public String of(Enum<?> value) {
		return value == null ? "" : WORDS.getOrDefault(value, value.name());
	}

	/** A number without trailing zeros ({@code 7.5}, {@code 16}). */
	public String number(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

	/** The example machine types given, such as {@code GCP n1-standard-16}. */
	public List<String> machineTypes(Recommendation.MachineTypes types) {
		var named = new ArrayList<String>();
		if (types.gcp() != null) {
			named.add("GCP " + types.gcp());
		}
		if (types.aws() != null) {
			named.add("AWS " + types.aws());
		}
		if (types.azure() != null) {
			named.add("Azure " + types.azure());
		}
		return named;
	}

	public List<Option> monorepoUses() {
		return options(MonorepoUse.values());
	}

	public List<Option> workloadPatterns() {
		return options(WorkloadPattern.values());
	}

	public List<Option> kubernetesExperiences() {
		return options(KubernetesExperience.values());
	}

	public List<Option> kubernetesPreferences() {
		return options(KubernetesPreference.values());
	}

	/** Not known first, since the first option is what an untouched select sends. */
	public List<Option> cloudProviders() {
		return options(new Enum<?>[] { CloudProvider.UNKNOWN, CloudProvider.GCP, CloudProvider.AWS,
				CloudProvider.AZURE, CloudProvider.ON_PREMISES, CloudProvider.OTHER });
	}

	public List<TrafficType> trafficTypes() {
		return List.of(TrafficType.values());
	}

	private List<Option> options(Enum<?>[] values) {
		return Arrays.stream(values).map(v -> new Option(v.name(), of(v))).toList();
	}
}
