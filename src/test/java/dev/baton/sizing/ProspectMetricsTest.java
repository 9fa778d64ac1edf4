package dev.baton.sizing;

import static dev.baton.sizing.Sizing.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemType;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.RequestRate;

class ProspectMetricsTest {

	@Test
	void refusesNegativeUserCount() {
		assertRefused(metrics().users(-1).peak(TrafficType.API, 10), "users", "must not be negative");
	}

	@Test
	void refusesNegativePeakRate() {
		assertRefused(metrics().users(100).peak(TrafficType.API, -5), "rps.api.peak", "must not be negative");
	}

	@Test
	void refusesNegativeSustainedRate() {
		assertRefused(metrics().users(100).sustained(TrafficType.GIT_PUSH, -0.5), "rps.gitPush.sustained",
				"must not be negative");
	}

	@Test
	void refusesSustainedRateAbovePeak() {
		assertRefused(metrics().rps(TrafficType.WEB, 10, 12), "rps.web.sustained",
				"the sustained (p95) rate 12 must not exceed the peak 10");
	}

	@Test
	void acceptsSustainedRateEqualToPeak() {
		assertThat(metrics().rps(TrafficType.WEB, 10, 10).build().rate(TrafficType.WEB)).isPresent();
	}

	@Test
	void refusesMetricsWithNeitherUsersNorRates() {
		assertRefused(metrics(), "users", "give a user count or at least one measured request rate");
	}

	@Test
	void refusesZeroUsersWhenEveryRateIsZero() {
		assertRefused(metrics().peak(TrafficType.API, 0).peak(TrafficType.WEB, 0), "users",
				"give a user count or at least one measured request rate above zero");
	}

	@Test
	void acceptsZeroUsersWhenARateIsKnown() {
		ProspectMetrics metrics = metrics().peak(TrafficType.API, 30).build();

		assertThat(metrics.users()).isZero();
		assertThat(metrics.hasRequestRates()).isTrue();
	}

	@Test
	void refusesOffHoursShareAboveOne() {
		assertRefused(metrics().users(100).offHoursShareOfPeak(1.2), "automation.offHoursShareOfPeak",
				"must be a share between 0 and 1 but was 1.2");
	}

	@Test
	void refusesNegativeConcurrentCiJobs() {
		assertRefused(metrics().users(100).concurrentCiJobs(-3), "automation.concurrentCiJobs", "must not be negative");
	}

	@Test
	void refusesNegativeRepositorySize() {
		assertRefused(metrics().users(100).largestRepositoryGb(-1), "repositories.largestRepositoryGb",
				"must not be negative");
	}

	@Test
	void refusesMonorepoUseWithZeroMonorepos() {
		assertRefused(metrics().users(100).monorepos(0, MonorepoUse.HEAVY), "repositories.monorepoUse",
				"is HEAVY but monorepoCount is 0");
	}

	@Test
	void refusesNegativeRecoveryObjectives() {
		BatonException refusal = refusal(metrics().users(100).recoveryObjectives(Duration.ofMinutes(-1),
				Duration.ofSeconds(-1)));

		assertThat(refusal.fieldErrors()).extracting(FieldError::field)
				.containsExactly("availability.recoveryPointObjective", "availability.recoveryTimeObjective");
	}

	@Test
	void refusesNonFiniteRate() {
		assertThatThrownBy(() -> metrics().peak(TrafficType.API, Double.NaN)).isInstanceOf(BatonException.class)
				.hasMessageContaining("rps.api.peak");
	}

	@Test
	void refusesTheSameTrafficTypeTwice() {
		var twice = List.of(RequestRate.peakOnly(TrafficType.API, 10), RequestRate.peakOnly(TrafficType.API, 20));

		BatonException refusal = catchThrowableOfType(BatonException.class,
				() -> new ProspectMetrics(0, twice, null, null, null, null));

		assertThat(refusal.fieldErrors()).extracting(FieldError::field).containsExactly("rps.api");
	}

	@Test
	void refusesARateWithNeitherPeakNorSustained() {
		BatonException refusal = catchThrowableOfType(BatonException.class,
				() -> new RequestRate(TrafficType.GIT_PULL, null, null));

		assertThat(refusal.fieldErrors()).extracting(FieldError::field).containsExactly("rps.gitPull");
	}

	@Test
	void namesEveryWrongFieldInOneRefusal() {
		BatonException refusal = refusal(metrics().users(-2).rps(TrafficType.API, 10, 20).offHoursShareOfPeak(-0.1)
				.largestRepositoryGb(-4));

		assertThat(refusal.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
		assertThat(refusal.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("rps.api.sustained",
				"repositories.largestRepositoryGb", "automation.offHoursShareOfPeak", "users");
		assertThat(refusal.getMessage()).startsWith("The prospect's metrics cannot be sized: ");
	}

	@Test
	void keepsTheDecimalTheCallerWrote() {
		ProspectMetrics metrics = metrics().peak(TrafficType.API, 115.0).build();

		assertThat(metrics.rate(TrafficType.API).orElseThrow().peak()).isEqualByComparingTo(new BigDecimal("115"));
	}

	@Test
	void defaultsMissingPartsToUnknown() {
		ProspectMetrics metrics = new ProspectMetrics(500, null, null, null, null, null);

		assertThat(metrics.repositories().monorepoUse()).isEqualTo(MonorepoUse.NONE);
		assertThat(metrics.hosting().cloudProvider()).isEqualTo(ProspectMetrics.CloudProvider.UNKNOWN);
		assertThat(metrics.availability().highAvailability()).isFalse();
	}

	private static void assertRefused(ProspectMetrics.Builder metrics, String field, String message) {
		BatonException refusal = refusal(metrics);
		assertThat(refusal.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
		assertThat(refusal.fieldErrors()).anySatisfy(error -> {
			assertThat(error.field()).isEqualTo(field);
			assertThat(error.message()).contains(message);
		});
	}

	private static BatonException refusal(ProspectMetrics.Builder metrics) {
		BatonException refusal = catchThrowableOfType(BatonException.class, metrics::build);
		assertThat(refusal).as("refusal").isNotNull();
		return refusal;
	}
}
