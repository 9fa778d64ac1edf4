package dev.baton.sizing;

import static dev.baton.sizing.Sizing.adjustmentTargets;
import static dev.baton.sizing.Sizing.adjustments;
import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.reasons;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.Recommendation.DeploymentType;

/**
 * Standalone with backups, HA built in, or the 3k architecture with the supported reductions.
 */
class AvailabilityTest {

	@Test
	void recommendsStandaloneWithBackupsUpToTwoThousandUsers() {
		Recommendation recommendation = recommend(metrics().users(1500));

		assertThat(recommendation.architecture().id()).isEqualTo("2k");
		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.STANDALONE);
		assertThat(reasons(recommendation, RuleNames.AVAILABILITY)).contains("Up to 2,000 users: standalone (non-HA) "
				+ "with automated backups gives a good level of RTO/RPO without HA's complexity. [S1]");
	}

	@Test
	void recommendsTheThreeKWithReductionsForHaBelowThreeThousandUsers() {
		Recommendation recommendation = recommend(metrics().users(1500).highAvailability(true));

		assertThat(recommendation.architecture().id()).isEqualTo("3k");
		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA_REDUCED);
		assertThat(finding(recommendation, RuleNames.AVAILABILITY).decision())
				.isEqualTo("HA: 3k with the supported reductions instead of 2k");
		assertThat(adjustmentTargets(recommendation)).filteredOn("3k architecture"::equals).hasSize(5);
		assertThat(adjustments(recommendation))
				.contains("3k architecture: Rails, Sidekiq, PostgreSQL and PgBouncer need only 2 nodes each.",
						"3k architecture: Consul, Redis Sentinel and Praefect need an odd number of nodes, minimum 3.");
	}

	@Test
	void treatsZeroDowntimeUpgradesAsAnHaNeedAndWarnsOfTheConflict() {
		Recommendation recommendation = recommend(metrics().users(800).zeroDowntimeUpgrades(true));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA_REDUCED);
		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("Zero-downtime upgrades were asked for without "
				+ "asking for HA, but the 1k the load needs is not HA"));
	}

	@Test
	void doesNotWarnOfAConflictWhenZeroDowntimeComesWithHa() {
		Recommendation recommendation = recommend(metrics().users(800).zeroDowntimeUpgrades(true).highAvailability(true));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA_REDUCED);
		assertThat(warnings(recommendation)).noneMatch(w -> w.startsWith("Zero-downtime upgrades were asked for"));
	}

	@Test
	void recommendsHaFromThreeThousandUsersEvenWhenTheRatesAreLow() {
		Recommendation recommendation = recommend(metrics().users(3000).peak(TrafficType.API, 30));

		assertThat(recommendation.architecture().id()).isEqualTo("3k");
		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA_REDUCED);
		assertThat(reasons(recommendation, RuleNames.AVAILABILITY))
				.contains("3,000 users: from 3,000 users HA is generally recommended [S1]");
	}

	@Test
	void staysStandaloneJustBelowThreeThousandUsersWithLowRates() {
		Recommendation recommendation = recommend(metrics().users(2999).peak(TrafficType.API, 30));

		assertThat(recommendation.architecture().id()).isEqualTo("2k");
		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.STANDALONE);
	}

	@Test
	void usesTheHaBuiltIntoThreeKAndAbove() {
		Recommendation recommendation = recommend(metrics().peak(TrafficType.API, 150));

		assertThat(recommendation.deployment()).isEqualTo(DeploymentType.LINUX_PACKAGE_HA);
		assertThat(recommendation.architecture().highAvailability()).isTrue();
		assertThat(finding(recommendation, RuleNames.AVAILABILITY).decision()).isEqualTo("HA, built into 10k");
		assertThat(adjustmentTargets(recommendation)).doesNotContain("3k architecture");
	}
}
