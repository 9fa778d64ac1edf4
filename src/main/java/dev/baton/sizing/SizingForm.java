package dev.baton.sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.baton.platform.FieldError;
import dev.baton.sizing.MetricsInput.AutomationInput;
import dev.baton.sizing.MetricsInput.AvailabilityInput;
import dev.baton.sizing.MetricsInput.HostingInput;
import dev.baton.sizing.MetricsInput.Rate;
import dev.baton.sizing.MetricsInput.Rates;
import dev.baton.sizing.MetricsInput.RepositoriesInput;
import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.WorkloadPattern;

/**
 * The sizing web form's values as typed, by field name; the names are the JSON paths of
 * {@link MetricsInput}, so the engine's refusals land on the input they are about.
 */
final class SizingForm {

	static final String USERS = "users";
	static final String LARGEST_REPOSITORY = "repositories.largestRepositoryGb";
	static final String MONOREPO_COUNT = "repositories.monorepoCount";
	static final String MONOREPO_USE = "repositories.monorepoUse";
	static final String CI_JOBS = "automation.concurrentCiJobs";
	static final String OFF_HOURS_SHARE = "automation.offHoursShareOfPeak";
	static final String ADDITIONAL_WORKLOADS = "automation.additionalWorkloads";
	static final String WORKLOAD_PATTERN = "automation.workloadPattern";
	static final String HIGH_AVAILABILITY = "availability.highAvailability";
	static final String ZERO_DOWNTIME = "availability.zeroDowntimeUpgrades";
	static final String RPO = "availability.recoveryPointObjective";
	static final String RTO = "availability.recoveryTimeObjective";
	static final String MULTI_REGION = "availability.multiRegionOrDisasterRecovery";
	static final String KUBERNETES_EXPERIENCE = "hosting.kubernetesExperience";
	static final String KUBERNETES_PREFERENCE = "hosting.kubernetesPreference";
	static final String CLOUD_PROVIDER = "hosting.cloudProvider";
	static final String EDITION = "edition";
	static final String OPPORTUNITY = "opportunityId";
	static final String NOTE = "note";

	private static final List<String> FIELDS;

	static {
		var fields = new ArrayList<String>();
		fields.add(USERS);
		for (TrafficType type : TrafficType.values()) {
			fields.add(peak(type));
			fields.add(sustained(type));
		}
		fields.addAll(List.of(LARGEST_REPOSITORY, MONOREPO_COUNT, MONOREPO_USE, CI_JOBS, OFF_HOURS_SHARE,
				ADDITIONAL_WORKLOADS, WORKLOAD_PATTERN, HIGH_AVAILABILITY, ZERO_DOWNTIME, RPO, RTO, MULTI_REGION,
				KUBERNETES_EXPERIENCE, KUBERNETES_PREFERENCE, CLOUD_PROVIDER, EDITION, OPPORTUNITY, NOTE));
		FIELDS = List.copyOf(fields);
	}

	private final Map<String, String> values;

	private SizingForm(Map<String, String> values) {
		this.values = values;
	}

	static SizingForm empty() {
		return new SizingForm(new LinkedHashMap<>());
	}

	/** The known fields of a submitted form; anything else (such as the CSRF token) is left out. */
	static SizingForm of(Map<String, String> submitted) {
		var values = new LinkedHashMap<String, String>();
		FIELDS.forEach(field -> {
			String value = submitted.get(field);
			if (value != null && !value.isBlank()) {
				values.put(field, value.strip());
			}
		});
		return new SizingForm(values);
	}

	/** The form filled from metrics given earlier, such as a saved recommendation's. */
	static SizingForm of(MetricsInput input) {
		var form = empty();
		form.put(USERS, input.users());
		if (input.rps() != null) {
			form.putRates(input.rps());
		}
		RepositoriesInput repositories = input.repositories();
		if (repositories != null) {
			form.put(LARGEST_REPOSITORY, repositories.largestRepositoryGb());
			form.put(MONOREPO_COUNT, repositories.monorepoCount());
			form.put(MONOREPO_USE, repositories.monorepoUse());
		}
		AutomationInput automation = input.automation();
		if (automation != null) {
			form.put(CI_JOBS, automation.concurrentCiJobs());
			form.put(OFF_HOURS_SHARE, automation.offHoursShareOfPeak());
			form.put(ADDITIONAL_WORKLOADS, automation.additionalWorkloads());
			form.put(WORKLOAD_PATTERN, automation.workloadPattern());
		}
		AvailabilityInput availability = input.availability();
		if (availability != null) {
			form.put(HIGH_AVAILABILITY, availability.highAvailability());
			form.put(ZERO_DOWNTIME, availability.zeroDowntimeUpgrades());
			form.put(RPO, availability.recoveryPointObjective());
			form.put(RTO, availability.recoveryTimeObjective());
			form.put(MULTI_REGION, availability.multiRegionOrDisasterRecovery());
		}
		HostingInput hosting = input.hosting();
		if (hosting != null) {
			form.put(KUBERNETES_EXPERIENCE, hosting.kubernetesExperience());
			form.put(KUBERNETES_PREFERENCE, hosting.kubernetesPreference());
			form.put(CLOUD_PROVIDER, hosting.cloudProvider());
		}
		return form;
	}

	static String peak(TrafficType type) {
		return "rps." + type.key() + ".peak";
	}

	static String sustained(TrafficType type) {
		return "rps." + type.key() + ".sustained";
	}

	/** This form with the imported rates in place of the typed ones, for the traffic types imported. */
	SizingForm withRates(Rates imported) {
		var copy = new SizingForm(new LinkedHashMap<>(values));
		copy.putRates(imported);
		return copy;
	}

	SizingForm with(String field, Object value) {
		var copy = new SizingForm(new LinkedHashMap<>(values));
		copy.put(field, value);
		return copy;
	}

	private void putRates(Rates rates) {
		for (TrafficType type : TrafficType.values()) {
			Rate rate = rates.of(type);
			if (rate != null) {
				values.remove(peak(type));
				values.remove(sustained(type));
				put(peak(type), rate.peak());
				put(sustained(type), rate.sustained());
			}
		}
	}

	private void put(String field, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof BigDecimal decimal) {
			values.put(field, decimal.stripTrailingZeros().toPlainString());
		}
		else if (value instanceof Enum<?> choice) {
			values.put(field, choice.name());
		}
		else {
			values.put(field, value.toString());
		}
	}

	/** The value as typed, empty if none. */
	public String get(String field) {
		return values.getOrDefault(field, "");
	}

	/** Whether a checkbox is ticked. */
	public boolean checked(String field) {
		return "true".equalsIgnoreCase(get(field)) || "on".equalsIgnoreCase(get(field));
	}

	/** Whether a select has this option chosen. */
	public boolean is(String field, Object option) {
		return get(field).equals(String.valueOf(option));
	}

	/**
	 * The metrics typed, as the API takes them.
	 *
	 * @throws dev.baton.platform.BatonException of type {@code validation-failed} naming each value that is not
	 *         a number or not one of the choices
	 */
	MetricsInput toInput() {
		var errors = new ArrayList<FieldError>();
		var parser = new Parser(errors);
		var rates = new LinkedHashMap<TrafficType, Rate>();
		for (TrafficType type : TrafficType.values()) {
			BigDecimal peak = parser.decimal(peak(type));
			BigDecimal sustained = parser.decimal(sustained(type));
			if (peak != null || sustained != null) {
				rates.put(type, new Rate(peak, sustained));
			}
		}
		var input = new MetricsInput(parser.integer(USERS), rates.isEmpty() ? null : Rates.of(rates),
				new RepositoriesInput(parser.decimal(LARGEST_REPOSITORY), parser.integer(MONOREPO_COUNT),
						parser.choice(MONOREPO_USE, MonorepoUse.class)),
				new AutomationInput(parser.integer(CI_JOBS), parser.share(OFF_HOURS_SHARE),
						checked(ADDITIONAL_WORKLOADS), parser.choice(WORKLOAD_PATTERN, WorkloadPattern.class)),
				new AvailabilityInput(checked(HIGH_AVAILABILITY), checked(ZERO_DOWNTIME), nullIfEmpty(RPO),
						nullIfEmpty(RTO), checked(MULTI_REGION)),
				new HostingInput(parser.choice(KUBERNETES_EXPERIENCE, KubernetesExperience.class),
						parser.choice(KUBERNETES_PREFERENCE, KubernetesPreference.class),
						parser.choice(CLOUD_PROVIDER, CloudProvider.class)));
		if (!errors.isEmpty()) {
			throw Violations.refusal(errors);
		}
		return input;
	}

	private String nullIfEmpty(String field) {
		String value = get(field);
		return value.isEmpty() ? null : value;
	}

	/** Reads typed text into numbers and choices, noting each that does not read. */
	private final class Parser {

		private final List<FieldError> errors;

		Parser(List<FieldError> errors) {
			this.errors = errors;
		}

		Integer integer(String field) {
			return read(field, text -> Integer.valueOf(text.replace(",", "").replace("_", "")),
					"must be a whole number");
		}

		BigDecimal decimal(String field) {
			return read(field, BigDecimal::new, "must be a number");
		}

		/** A share from 0 to 1, also typed as a percentage ({@code 60%}). */
		BigDecimal share(String field) {
			return read(field, text -> text.endsWith("%")
					? new BigDecimal(text.substring(0, text.length() - 1).strip()).movePointLeft(2)
					: new BigDecimal(text), "must be a share such as 0.6 or 60%");
		}

		<E extends Enum<E>> E choice(String field, Class<E> type) {
			return read(field, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)), "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
		}

		private <T> T read(String field, Function<String, T> reader, String expectation) {
			String text = get(field);
			if (text.isEmpty()) {
				return null;
			}
			try {
				return reader.apply(text);
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError(field, expectation + " but was '" + text + "'"));
				return null;
			}
		}
	}
}
