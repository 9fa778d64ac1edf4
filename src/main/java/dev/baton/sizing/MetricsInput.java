package dev.baton.sizing;

import static dev.baton.sizing.ProspectMetrics.collect;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.sizing.ProspectMetrics.Automation;
import dev.baton.sizing.ProspectMetrics.Availability;
import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.ProspectMetrics.Hosting;
import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.Repositories;
import dev.baton.sizing.ProspectMetrics.RequestRate;
import dev.baton.sizing.ProspectMetrics.WorkloadPattern;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The prospect's metrics as the API and the web form take them, shaped so that every field's
 * JSON path is the path {@link ProspectMetrics} names when it refuses a value.
 */
@Schema(name = "SizingMetrics", description = "What the prospect measured and needs. Give a user count, at least one "
		+ "measured request rate, or both; everything else is optional.")
@JsonInclude(JsonInclude.Include.NON_NULL)
record MetricsInput(
		@Schema(description = "Number of users; 0 or absent when not known. With measured rates it only cross-checks.",
				example = "3000", minimum = "0") Integer users,
		@Schema(description = "Measured requests per second per traffic type, from the measurement guide's "
				+ "Prometheus queries") Rates rps,
		@Schema(description = "Repository sizes and monorepo use") RepositoriesInput repositories,
		@Schema(description = "CI and automation load") AutomationInput automation,
		@Schema(description = "Availability, recovery and multi-region needs") AvailabilityInput availability,
		@Schema(description = "Where and how the prospect wants to run it") HostingInput hosting) {

	private static final Pattern SIMPLE_DURATION = Pattern.compile(
			"(-?\\d+(?:\\.\\d+)?)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)");

	/** The rate of every traffic type, each optional. */
	@Schema(name = "SizingRates", description = "Requests per second per traffic type; leave out a type that was "
			+ "not measured")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Rates(@Schema(description = "API traffic: automation, external tools, webhooks (Grape endpoints)") Rate api,
			@Schema(description = "Web traffic: UI interactions from browsers") Rate web,
			@Schema(description = "Git pull and clone, over HTTP and SSH") Rate gitPull,
			@Schema(description = "Git push, over HTTP and SSH") Rate gitPush) {

		Rate of(TrafficType type) {
			return switch (type) {
				case API -> api;
				case WEB -> web;
				case GIT_PULL -> gitPull;
				case GIT_PUSH -> gitPush;
			};
		}

		static Rates of(java.util.Map<TrafficType, Rate> rates) {
			return new Rates(rates.get(TrafficType.API), rates.get(TrafficType.WEB), rates.get(TrafficType.GIT_PULL),
					rates.get(TrafficType.GIT_PUSH));
		}
	}

	/** One traffic type's peak and sustained rate. */
	@Schema(name = "SizingRate", description = "Give the peak, the sustained (p95) rate, or both")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Rate(
			@Schema(description = "Highest requests per second seen (max_over_time over 7 to 14 days)",
					example = "150", minimum = "0") BigDecimal peak,
			@Schema(description = "Sustained peak: the 95th percentile of requests per second "
					+ "(quantile_over_time(0.95, ...)); must not exceed the peak", example = "90",
					minimum = "0") BigDecimal sustained) {
	}

	@Schema(name = "SizingRepositories")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RepositoriesInput(
			@Schema(description = "Size of the largest repository in GB", example = "12",
					minimum = "0") BigDecimal largestRepositoryGb,
			@Schema(description = "How many repositories are over 2 GB (monorepos)", example = "2",
					minimum = "0") Integer monorepoCount,
			@Schema(description = "How actively the monorepos are used; must be NONE when monorepoCount is 0",
					defaultValue = "NONE") MonorepoUse monorepoUse) {
	}

	@Schema(name = "SizingAutomation")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AutomationInput(
			@Schema(description = "Most CI jobs running at once", example = "120", minimum = "0") Integer concurrentCiJobs,
			@Schema(description = "Off-hours requests per second as a share of the peak, 0 to 1; above 0.5 reads as "
					+ "heavy automation", example = "0.6", minimum = "0", maximum = "1") BigDecimal offHoursShareOfPeak,
			@Schema(description = "Whether security software on nodes, high-frequency scripts, integrations or "
					+ "server hooks add substantial load", defaultValue = "false") Boolean additionalWorkloads,
			@Schema(description = "What the top endpoints during the peak show",
					defaultValue = "NONE_DETECTED") WorkloadPattern workloadPattern) {
	}

	@Schema(name = "SizingAvailability")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record AvailabilityInput(
			@Schema(description = "Whether downtime would critically impact the prospect's workflow",
					defaultValue = "false") Boolean highAvailability,
			@Schema(description = "Whether upgrades must not take the service down",
					defaultValue = "false") Boolean zeroDowntimeUpgrades,
			@Schema(description = "Most data loss accepted (RPO): an ISO-8601 duration such as PT1M, or a number "
					+ "with s, m, h or d such as 30s, 15m, 4h", example = "PT15M") String recoveryPointObjective,
			@Schema(description = "Longest outage accepted (RTO), in the same format", example = "4h")
			String recoveryTimeObjective,
			@Schema(description = "Whether the service must span regions or survive losing one",
					defaultValue = "false") Boolean multiRegionOrDisasterRecovery) {
	}

	@Schema(name = "SizingHosting")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HostingInput(
			@Schema(description = "The team's working knowledge of Kubernetes",
					defaultValue = "NONE") KubernetesExperience kubernetesExperience,
			@Schema(description = "How much of the service to run on Kubernetes",
					defaultValue = "NONE") KubernetesPreference kubernetesPreference,
			@Schema(description = "Where the service will run", defaultValue = "UNKNOWN") CloudProvider cloudProvider) {
	}

	/**
	 * The engine's metrics.
	 *
	 * @throws BatonException of type {@code validation-failed} naming every wrong field by its path
	 */
	ProspectMetrics toMetrics() {
		return toMetrics("");
	}

	/**
	 * The engine's metrics, with field paths in refusals prefixed (for input nested in another body).
	 */
	ProspectMetrics toMetrics(String pathPrefix) {
		try {
			return convert();
		}
		catch (BatonException refused) {
			if (pathPrefix.isEmpty() || refused.fieldErrors().isEmpty()) {
				throw refused;
			}
			throw Violations.refusal(refused.fieldErrors().stream()
					.map(e -> new FieldError(pathPrefix + e.field(), e.message())).toList());
		}
	}

	private ProspectMetrics convert() {
		var errors = new ArrayList<FieldError>();
		int userCount = users == null ? 0 : users;
		var rates = new ArrayList<RequestRate>();
		boolean rateGiven = false;
		if (rps != null) {
			for (TrafficType type : TrafficType.values()) {
				Rate rate = rps.of(type);
				if (rate != null) {
					rateGiven = true;
					RequestRate accepted = collect(() -> new RequestRate(type, rate.peak(), rate.sustained()), errors);
					if (accepted != null) {
						rates.add(accepted);
					}
				}
			}
		}
		Repositories repos = repositories == null ? null
				: collect(() -> new Repositories(repositories.largestRepositoryGb(), repositories.monorepoCount(),
						repositories.monorepoUse()), errors);
		Automation load = automation == null ? null
				: collect(() -> new Automation(automation.concurrentCiJobs(), automation.offHoursShareOfPeak(),
						Boolean.TRUE.equals(automation.additionalWorkloads()), automation.workloadPattern()), errors);
		Availability needs = null;
		if (availability != null) {
			Duration rpo = duration(availability.recoveryPointObjective(), "availability.recoveryPointObjective",
					errors);
			Duration rto = duration(availability.recoveryTimeObjective(), "availability.recoveryTimeObjective",
					errors);
			needs = collect(() -> new Availability(Boolean.TRUE.equals(availability.highAvailability()),
					Boolean.TRUE.equals(availability.zeroDowntimeUpgrades()), rpo, rto,
					Boolean.TRUE.equals(availability.multiRegionOrDisasterRecovery())), errors);
		}
		Hosting where = hosting == null ? null
				: new Hosting(hosting.kubernetesExperience(), hosting.kubernetesPreference(), hosting.cloudProvider());
		if (!errors.isEmpty()) {
			var violations = new Violations().addAll(errors);
			violations.require(userCount >= 0, "users", "must not be negative but was " + userCount);
			// a wrong rate is left out above, so only report a missing load when no rate was attempted
			violations.require(rateGiven || userCount != 0, "users",
					"give a user count or at least one measured request rate above zero");
			violations.throwIfAny();
		}
		return new ProspectMetrics(userCount, rates, repos, load, needs, where);
	}

	/**
	 * Reads a duration as ISO-8601 ({@code PT15M}) or as a number with a unit ({@code 15m}, {@code 4h}),
	 * since people type the latter.
	 */
	static Duration duration(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip().toLowerCase(Locale.ROOT);
		Matcher simple = SIMPLE_DURATION.matcher(value);
		if (simple.matches()) {
			BigDecimal amount = new BigDecimal(simple.group(1));
			long secondsPerUnit = switch (simple.group(2).charAt(0)) {
				case 's' -> 1;
				case 'm' -> 60;
				case 'h' -> 3600;
				default -> 86400;
			};
			try {
				return Duration.ofMillis(amount.multiply(BigDecimal.valueOf(secondsPerUnit)).movePointRight(3)
						.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
			}
			catch (ArithmeticException tooLong) {
				errors.add(new FieldError(field, "is too long: " + text.strip()));
				return null;
			}
		}
		try {
			return Duration.parse(value.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException | ArithmeticException e) {
			errors.add(new FieldError(field, "must be a duration such as PT15M, 30s, 15m, 4h or 1d but was '"
					+ text.strip() + "'"));
			return null;
		}
	}
}
