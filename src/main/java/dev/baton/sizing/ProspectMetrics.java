package dev.baton.sizing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;

/**
 * What a prospect told us about their load, repositories, availability needs and hosting, as the
 * input to a sizing recommendation.
 * <p>
 * Everything but one load figure is optional: give a user count, at least one measured request
 * rate, or both. Unknown numbers are {@code null} (or {@code 0} users); a refusal names every
 * wrong field at once with its JSON path ({@code rps.api.sustained}).
 *
 * @param users the number of users, {@code 0} when not known
 * @param rps the measured request rates, one per traffic type at most
 * @param repositories repository sizes and monorepo use
 * @param automation CI and automation load
 * @param availability availability, recovery and multi-region needs
 * @param hosting Kubernetes experience and preference, and the cloud provider
 */
public record ProspectMetrics(int users, List<RequestRate> rps, Repositories repositories, Automation automation,
		Availability availability, Hosting hosting) {

	public ProspectMetrics {
		rps = rps == null ? List.of() : List.copyOf(rps);
		repositories = repositories == null ? Repositories.unknown() : repositories;
		automation = automation == null ? Automation.unknown() : automation;
		availability = availability == null ? Availability.standard() : availability;
		hosting = hosting == null ? Hosting.unknown() : hosting;
		var violations = new Violations();
		checkLoad(users, rps, violations);
		violations.throwIfAny();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The measured rate for one traffic type, if any. */
	public Optional<RequestRate> rate(TrafficType type) {
		return rps.stream().filter(r -> r.type() == type).findFirst();
	}

	/** Whether any request rate was measured; if so, rates decide the size and users only cross-check. */
	public boolean hasRequestRates() {
		return !rps.isEmpty();
	}

	private static void checkLoad(int users, List<RequestRate> rps, Violations violations) {
		violations.require(users >= 0, "users", "must not be negative but was " + users);
		var seen = new EnumMap<TrafficType, Boolean>(TrafficType.class);
		for (RequestRate rate : rps) {
			Objects.requireNonNull(rate, "rps must not contain null");
			violations.require(seen.put(rate.type(), Boolean.TRUE) == null, "rps." + rate.type().key(),
					"is given more than once");
		}
		boolean anyNonZeroRate = rps.stream().anyMatch(RequestRate::isNonZero);
		violations.require(users > 0 || anyNonZeroRate, "users",
				"give a user count or at least one measured request rate above zero");
	}

	/**
	 * The peak and sustained (95th percentile) requests per second of one traffic type, either of
	 * which may be unknown but not both.
	 */
	public record RequestRate(TrafficType type, BigDecimal peak, BigDecimal sustained) {

		public RequestRate {
			Objects.requireNonNull(type, "type");
			String path = "rps." + type.key();
			var violations = new Violations();
			violations.require(peak != null || sustained != null, path,
					"give the peak, the sustained (p95) rate, or both");
			violations.notNegative(peak, path + ".peak");
			violations.notNegative(sustained, path + ".sustained");
			if (peak != null && sustained != null && peak.signum() >= 0 && sustained.signum() >= 0) {
				violations.require(sustained.compareTo(peak) <= 0, path + ".sustained",
						"the sustained (p95) rate " + Violations.plain(sustained) + " must not exceed the peak "
								+ Violations.plain(peak));
			}
			violations.throwIfAny();
		}

		public static RequestRate of(TrafficType type, double peak, double sustained) {
			return new RequestRate(type, decimal(peak, path(type, "peak")), decimal(sustained, path(type, "sustained")));
		}

		public static RequestRate peakOnly(TrafficType type, double peak) {
			return new RequestRate(type, decimal(peak, path(type, "peak")), null);
		}

		public static RequestRate sustainedOnly(TrafficType type, double sustained) {
			return new RequestRate(type, null, decimal(sustained, path(type, "sustained")));
		}

		private static String path(TrafficType type, String statistic) {
			return "rps." + type.key() + "." + statistic;
		}

		boolean isNonZero() {
			return (peak != null && peak.signum() > 0) || (sustained != null && sustained.signum() > 0);
		}
	}

	/**
	 * How big the largest repository is and how many monorepos (repositories over 2 GB) are in use.
	 *
	 * @param largestRepositoryGb the largest repository in GB, {@code null} when not known
	 * @param monorepoCount how many repositories are over 2 GB, {@code null} when not known
	 * @param monorepoUse how actively the monorepos are used
	 */
	public record Repositories(BigDecimal largestRepositoryGb, Integer monorepoCount, MonorepoUse monorepoUse) {

		public Repositories {
			monorepoUse = monorepoUse == null ? MonorepoUse.NONE : monorepoUse;
			var violations = new Violations();
			violations.notNegative(largestRepositoryGb, "repositories.largestRepositoryGb");
			violations.notNegative(monorepoCount, "repositories.monorepoCount");
			violations.require(monorepoCount == null || monorepoCount != 0 || monorepoUse == MonorepoUse.NONE,
					"repositories.monorepoUse", "is " + monorepoUse + " but monorepoCount is 0");
			violations.throwIfAny();
		}

		public static Repositories unknown() {
			return new Repositories(null, null, MonorepoUse.NONE);
		}
	}

	/** How actively monorepos are used, in the words the Cloud Native First sizes use. */
	public enum MonorepoUse {
		NONE, LIGHT, MODERATE, HEAVY
	}

	/**
	 * CI and automation load.
	 *
	 * @param concurrentCiJobs the most CI jobs running at once, {@code null} when not known
	 * @param offHoursShareOfPeak off-hours RPS as a share of peak RPS, 0 to 1, {@code null} when not
	 *        known; the docs read more than half as heavy automation
	 * @param additionalWorkloads whether security software on nodes, high-frequency scripts,
	 *        integrations or server hooks add substantial load
	 * @param workloadPattern what the top endpoints during the peak show
	 */
	public record Automation(Integer concurrentCiJobs, BigDecimal offHoursShareOfPeak, boolean additionalWorkloads,
			WorkloadPattern workloadPattern) {

		public Automation {
			workloadPattern = workloadPattern == null ? WorkloadPattern.NONE_DETECTED : workloadPattern;
			var violations = new Violations();
			violations.notNegative(concurrentCiJobs, "automation.concurrentCiJobs");
			violations.require(offHoursShareOfPeak == null
					|| (offHoursShareOfPeak.signum() >= 0 && offHoursShareOfPeak.compareTo(BigDecimal.ONE) <= 0),
					"automation.offHoursShareOfPeak",
					"must be a share between 0 and 1 but was " + Violations.plain(offHoursShareOfPeak));
			violations.throwIfAny();
		}

		public static Automation unknown() {
			return new Automation(null, null, false, WorkloadPattern.NONE_DETECTED);
		}
	}

	/** The pattern the top endpoints during the peak show. */
	public enum WorkloadPattern {
		NONE_DETECTED,
		/** Mostly non-Git API use: webhooks, issues, groups, projects. */
		DATABASE_INTENSIVE,
		/** Mostly Git, CI and Sidekiq endpoints. */
		GIT_INTENSIVE
	}

	/**
	 * Availability and recovery needs.
	 *
	 * @param highAvailability whether downtime would critically impact the prospect's workflow
	 * @param zeroDowntimeUpgrades whether upgrades must not take the service down
	 * @param recoveryPointObjective the most data loss the prospect accepts, {@code null} when not known
	 * @param recoveryTimeObjective the longest outage the prospect accepts, {@code null} when not known
	 * @param multiRegionOrDisasterRecovery whether the service must span regions or survive losing one
	 */
	public record Availability(boolean highAvailability, boolean zeroDowntimeUpgrades, Duration recoveryPointObjective,
			Duration recoveryTimeObjective, boolean multiRegionOrDisasterRecovery) {

		public Availability {
			var violations = new Violations();
			violations.notNegative(recoveryPointObjective, "availability.recoveryPointObjective");
			violations.notNegative(recoveryTimeObjective, "availability.recoveryTimeObjective");
			violations.throwIfAny();
		}

		public static Availability standard() {
			return new Availability(false, false, null, null, false);
		}
	}

	/**
	 * Where and how the prospect wants to run it.
	 *
	 * @param kubernetesExperience the team's working knowledge of Kubernetes
	 * @param kubernetesPreference how much of the service the prospect wants on Kubernetes
	 * @param cloudProvider where it will run
	 */
	public record Hosting(KubernetesExperience kubernetesExperience, KubernetesPreference kubernetesPreference,
			CloudProvider cloudProvider) {

		public Hosting {
			kubernetesExperience = kubernetesExperience == null ? KubernetesExperience.NONE : kubernetesExperience;
			kubernetesPreference = kubernetesPreference == null ? KubernetesPreference.NONE : kubernetesPreference;
			cloudProvider = cloudProvider == null ? CloudProvider.UNKNOWN : cloudProvider;
		}

		public static Hosting unknown() {
			return new Hosting(KubernetesExperience.NONE, KubernetesPreference.NONE, CloudProvider.UNKNOWN);
		}
	}

	/** The team's working knowledge of Kubernetes. */
	public enum KubernetesExperience {
		NONE, SOME, STRONG
	}

	/** How much of the service the prospect wants to run on Kubernetes. */
	public enum KubernetesPreference {
		/** Virtual machines only. */
		NONE,
		/** Stateless components on Kubernetes for extra resilience (Cloud Native Hybrid). */
		STATELESS_ON_KUBERNETES,
		/** Everything, including Gitaly, on Kubernetes (Cloud Native First). */
		EVERYTHING_ON_KUBERNETES
	}

	/** Where the service will run. */
	public enum CloudProvider {
		GCP, AWS, AZURE, ON_PREMISES, OTHER, UNKNOWN
	}

	/**
	 * Builds metrics field by field and refuses them with every wrong field named at once.
	 */
	public static final class Builder {

		private int users;
		private final Map<TrafficType, BigDecimal> peaks = new EnumMap<>(TrafficType.class);
		private final Map<TrafficType, BigDecimal> sustained = new EnumMap<>(TrafficType.class);
		private BigDecimal largestRepositoryGb;
		private Integer monorepoCount;
		private MonorepoUse monorepoUse = MonorepoUse.NONE;
		private Integer concurrentCiJobs;
		private BigDecimal offHoursShareOfPeak;
		private boolean additionalWorkloads;
		private WorkloadPattern workloadPattern = WorkloadPattern.NONE_DETECTED;
		private boolean highAvailability;
		private boolean zeroDowntimeUpgrades;
		private Duration recoveryPointObjective;
		private Duration recoveryTimeObjective;
		private boolean multiRegionOrDisasterRecovery;
		private KubernetesExperience kubernetesExperience = KubernetesExperience.NONE;
		private KubernetesPreference kubernetesPreference = KubernetesPreference.NONE;
		private CloudProvider cloudProvider = CloudProvider.UNKNOWN;

		private Builder() {
		}

		public Builder users(int users) {
			this.users = users;
			return this;
		}

		public Builder peak(TrafficType type, double rps) {
			peaks.put(type, decimal(rps, "rps." + type.key() + ".peak"));
			return this;
		}

		public Builder sustained(TrafficType type, double rps) {
			sustained.put(type, decimal(rps, "rps." + type.key() + ".sustained"));
			return this;
		}

		public Builder rps(TrafficType type, double peak, double sustained) {
			return peak(type, peak).sustained(type, sustained);
		}

		public Builder largestRepositoryGb(double gb) {
			this.largestRepositoryGb = decimal(gb, "repositories.largestRepositoryGb");
			return this;
		}

		public Builder monorepos(int count, MonorepoUse use) {
			this.monorepoCount = count;
			this.monorepoUse = use;
			return this;
		}

		public Builder concurrentCiJobs(int jobs) {
			this.concurrentCiJobs = jobs;
			return this;
		}

		public Builder offHoursShareOfPeak(double share) {
			this.offHoursShareOfPeak = decimal(share, "automation.offHoursShareOfPeak");
			return this;
		}

		public Builder additionalWorkloads(boolean additionalWorkloads) {
			this.additionalWorkloads = additionalWorkloads;
			return this;
		}

		public Builder workloadPattern(WorkloadPattern pattern) {
			this.workloadPattern = pattern;
			return this;
		}

		public Builder highAvailability(boolean highAvailability) {
			this.highAvailability = highAvailability;
			return this;
		}

		public Builder zeroDowntimeUpgrades(boolean zeroDowntimeUpgrades) {
			this.zeroDowntimeUpgrades = zeroDowntimeUpgrades;
			return this;
		}

		public Builder recoveryObjectives(Duration recoveryPoint, Duration recoveryTime) {
			this.recoveryPointObjective = recoveryPoint;
			this.recoveryTimeObjective = recoveryTime;
			return this;
		}

		public Builder multiRegionOrDisasterRecovery(boolean needed) {
			this.multiRegionOrDisasterRecovery = needed;
			return this;
		}

		public Builder kubernetes(KubernetesExperience experience, KubernetesPreference preference) {
			this.kubernetesExperience = experience;
			this.kubernetesPreference = preference;
			return this;
		}

		public Builder cloudProvider(CloudProvider provider) {
			this.cloudProvider = provider;
			return this;
		}

		/**
		 * @throws BatonException of type {@code validation-failed} naming every wrong field
		 */
		public ProspectMetrics build() {
			var errors = new ArrayList<FieldError>();
			var rates = new ArrayList<RequestRate>();
			for (TrafficType type : TrafficType.values()) {
				if (peaks.containsKey(type) || sustained.containsKey(type)) {
					RequestRate rate = collect(() -> new RequestRate(type, peaks.get(type), sustained.get(type)), errors);
					if (rate != null) {
						rates.add(rate);
					}
				}
			}
			Repositories repositories = collect(
					() -> new Repositories(largestRepositoryGb, monorepoCount, monorepoUse), errors);
			Automation automation = collect(() -> new Automation(concurrentCiJobs, offHoursShareOfPeak,
					additionalWorkloads, workloadPattern), errors);
			Availability availability = collect(() -> new Availability(highAvailability, zeroDowntimeUpgrades,
					recoveryPointObjective, recoveryTimeObjective, multiRegionOrDisasterRecovery), errors);
			if (!errors.isEmpty()) {
				var violations = new Violations().addAll(errors);
				// a wrong rate is left out above, so only report a missing load when none was attempted
				if (peaks.isEmpty() && sustained.isEmpty()) {
					checkLoad(users, List.of(), violations);
				}
				else {
					violations.require(users >= 0, "users", "must not be negative but was " + users);
				}
				violations.throwIfAny();
			}
			return new ProspectMetrics(users, rates, repositories, automation, availability,
					new Hosting(kubernetesExperience, kubernetesPreference, cloudProvider));
		}
	}

	/**
	 * Builds one part of the metrics, adding the fields it refuses to the others instead of stopping
	 * at the first, so that every wrong field is named at once; null when refused.
	 */
	static <T> T collect(Supplier<T> constructor, List<FieldError> errors) {
		try {
			return constructor.get();
		}
		catch (BatonException refused) {
			errors.addAll(refused.fieldErrors());
			return null;
		}
	}

	private static BigDecimal decimal(double value, String field) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw BatonException.invalid(field, "must be a finite number but was " + value);
		}
		// valueOf keeps the decimal the caller wrote (115.0 stays 115.0, not 114.99999...)
		return BigDecimal.valueOf(value);
	}
}
