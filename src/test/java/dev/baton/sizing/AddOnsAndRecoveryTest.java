package dev.baton.sizing;

import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.reasons;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.Recommendation.AddOn;

/**
 * Geo, recovery objectives, and managed cloud services.
 */
class AddOnsAndRecoveryTest {

	@Test
	void addsGeoForMultiRegionOrDisasterRecovery() {
		Recommendation recommendation = recommend(metrics().users(5000).multiRegionOrDisasterRecovery(true));

		assertThat(recommendation.addOns()).extracting(AddOn::name).containsExactly("GitLab Geo");
		assertThat(Sizing.cited(recommendation.addOns().get(0).reasons()))
				.contains("A single environment spanning regions is unsupported. [S1]");
		assertThat(warnings(recommendation))
				.contains("Geo is advanced and complex; use it only if disaster recovery is a key requirement. [S1]");
		assertThat(recommendation.summary()).endsWith(", plus GitLab Geo");
	}

	@Test
	void addsNoGeoWithoutAMultiRegionNeed() {
		Recommendation recommendation = recommend(metrics().users(5000));

		assertThat(recommendation.addOns()).isEmpty();
		assertThat(recommendation.rule(RuleNames.GEO)).isEmpty();
	}

	@Test
	void warnsWhenTheRpoIsTighterThanAnyDocumentedFigure() {
		Recommendation tight = recommend(metrics().users(5000).recoveryObjectives(Duration.ofSeconds(59), null));
		Recommendation documented = recommend(metrics().users(5000).recoveryObjectives(Duration.ofSeconds(60), null));

		assertThat(warnings(tight)).anyMatch(w -> w.startsWith("An RPO of 59 s is tighter than any figure the docs give."));
		assertThat(warnings(documented)).noneMatch(w -> w.startsWith("An RPO of"));
	}

	@Test
	void warnsWhenTheRtoIsTighterThanAnyDocumentedFigure() {
		Recommendation tight = recommend(metrics().users(5000).recoveryObjectives(null, Duration.ofSeconds(9)));
		Recommendation documented = recommend(metrics().users(5000).recoveryObjectives(null, Duration.ofSeconds(10)));

		assertThat(warnings(tight)).anyMatch(w -> w.startsWith("An RTO of 9 s is tighter than any figure the docs give."));
		assertThat(warnings(documented)).noneMatch(w -> w.startsWith("An RTO of"));
	}

	@Test
	void holdsAStandaloneRecoveryObjectiveAgainstTheBackupSchedule() {
		Recommendation recommendation = recommend(metrics().users(1500)
				.recoveryObjectives(Duration.ofHours(4), Duration.ofHours(2)));

		assertThat(finding(recommendation, RuleNames.RECOVERY).decision()).isEqualTo("standalone: backups must meet them");
		assertThat(reasons(recommendation, RuleNames.RECOVERY)).anyMatch(r -> r.startsWith("The prospect asks for "
				+ "RPO 4 h, RTO 2 h. Standalone relies on scheduled (cron) backups;")
				&& r.contains("choose HA (3k with the supported reductions)"));
	}

	@Test
	void warnsThatGeoMayNotHoldARpoUnderAMinute() {
		Recommendation recommendation = recommend(metrics().users(5000).multiRegionOrDisasterRecovery(true)
				.recoveryObjectives(Duration.ofSeconds(30), null));

		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("An RPO of 30 s may not hold when a region is "
				+ "lost."));
	}

	@Test
	void skipsRecoveryWhenNoObjectiveIsGiven() {
		assertThat(recommend(metrics().users(5000)).rule(RuleNames.RECOVERY)).isEmpty();
	}

	@Test
	void namesTheUnsupportedAndRecommendedDatabaseServicesOnAws() {
		Recommendation recommendation = recommend(metrics().users(5000).cloudProvider(CloudProvider.AWS));

		assertThat(reasons(recommendation, RuleNames.CLOUD_SERVICES)).contains("RDS is recommended for PostgreSQL. [S1]",
				"Aurora is unsupported. [S1]", "Redis Cluster mode and serverless Redis are unsupported. [S1]");
	}

	@Test
	void recommendsCloudSqlEnterprisePlusFromFiveHundredRps() {
		Recommendation at500 = recommend(metrics().peak(TrafficType.API, 500).cloudProvider(CloudProvider.GCP));
		Recommendation at200 = recommend(metrics().peak(TrafficType.API, 200).cloudProvider(CloudProvider.GCP));

		assertThat(reasons(at500, RuleNames.CLOUD_SERVICES)).contains(
				"25k targets 500 API RPS. Use Cloud SQL Enterprise Plus at 500 RPS or more. [S1]");
		assertThat(reasons(at200, RuleNames.CLOUD_SERVICES)).noneMatch(r -> r.contains("Enterprise Plus at"));
	}

	@Test
	void givesNoCloudServiceGuidanceOnPremisesOrForTheSingleNode() {
		assertThat(recommend(metrics().users(5000).cloudProvider(CloudProvider.ON_PREMISES))
				.rule(RuleNames.CLOUD_SERVICES)).isEmpty();
		assertThat(recommend(metrics().users(500).cloudProvider(CloudProvider.AWS)).rule(RuleNames.CLOUD_SERVICES))
				.isEmpty();
	}
}
