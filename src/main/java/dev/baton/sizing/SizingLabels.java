package dev.baton.sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.WorkloadPattern;

/**
 * The keys of the words the sizing pages use for the engine's choices and the form's fields (in the
 * message bundle under {@code sizing.}); one instance is handed to the templates as {@code labels}.
 */
final class SizingLabels {

	static final SizingLabels INSTANCE = new SizingLabels();

	/** A choice of a select: its value and the key of what people read. */
	record Option(String value, String key) {
	}

	private static final String RPS = "rps.";

	private SizingLabels() {
	}

	/** The message key of a form field's label, by its JSON path; a rate's key takes the traffic type as argument. */
	public String fieldKey(String path) {
		if (path.startsWith(RPS)) {
			var rest = path.substring(RPS.length());
			var dot = rest.indexOf('.');
			return dot < 0 ? "sizing.field.rps" : "sizing.field.rps." + rest.substring(dot + 1);
		}
		return "sizing.field." + path;
	}

	/** The argument of a field's label: the traffic type's name for a rate, nothing otherwise. */
	public Object[] fieldArguments(String path) {
		if (path.startsWith(RPS)) {
			var rest = path.substring(RPS.length());
			var key = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
			return Arrays.stream(TrafficType.values()).filter(t -> t.key().equals(key)).map(TrafficType::label)
					.toArray();
		}
		return new Object[0];
	}

	/** The message key of what people read for one of the engine's choices. */
	public String key(Enum<?> value) {
		return "sizing.choice." + value.getDeclaringClass().getSimpleName() + "." + value.name();
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
		return Arrays.stream(values).map(v -> new Option(v.name(), key(v))).toList();
	}
}
