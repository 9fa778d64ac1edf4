package dev.baton.sizing;

import static dev.baton.sizing.Sizing.SERVICE;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.recommend;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.sizing.MeasurementGuide.Query;
import dev.baton.sizing.MeasurementGuide.Statistic;
import dev.baton.sizing.Recommendation.Component;

/**
 * The shipped data edition carries the published numbers, and recommendations say which edition
 * they come from.
 */
class DataEditionTest {

	@ParameterizedTest(name = "{0}: {1} nodes, {2} vCPU, {3} GB")
	@CsvSource({ "500, 1k, 1, 8, 16", "1500, 2k, 8, 33, 61.05", "3000, 3k, 27, 86, 168.6", "5000, 5k, 27, 128, 257.7",
			"10000, 10k, 32, 240, 535.2", "25000, 25k, 34, 390, 875.4", "50000, 50k, 41, 774, 1631.4" })
	void addsUpTheLinuxPackageComponentsToTheCompiledTotals(int users, String size, int nodes, String vcpu,
			String memory) {
		Recommendation recommendation = recommend(metrics().users(users));

		assertThat(recommendation.architecture().id()).isEqualTo(size);
		var totals = recommendation.components().virtualMachineTotals();
		assertThat(totals.nodes()).isEqualTo(nodes);
		assertThat(totals.vcpu()).isEqualByComparingTo(vcpu);
		assertThat(totals.memoryGb()).isEqualByComparingTo(memory);
	}

	@Test
	void saysWhichEditionEveryRecommendationComesFrom() {
		Recommendation recommendation = recommend(metrics().users(500));

		assertThat(recommendation.edition()).isEqualTo("2025-12");
		assertThat(SERVICE.edition().asOf()).isEqualTo(YearMonth.of(2025, 12));
		assertThat(SERVICE.edition().sources()).extracting(Edition.Source::id)
				.containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9");
	}

	@Test
	void keepsTheAzureSidekiqQuirkAsPublished() {
		Component sidekiq = component(recommend(metrics().users(3000)), "sidekiq");

		assertThat(sidekiq.vcpu()).isEqualByComparingTo("4");
		assertThat(sidekiq.machineTypes().azure()).isEqualTo("D2s v3");
		assertThat(sidekiq.note()).contains("looks like a docs error");
	}

	@Test
	void marksThePraefectDatabaseAsOneOrMoreNodes() {
		Component praefectDatabase = component(recommend(metrics().users(5000)), "praefect-postgresql");

		assertThat(praefectDatabase.nodes()).isEqualTo(1);
		assertThat(praefectDatabase.nodesAtLeast()).isTrue();
	}

	@Test
	void splitsRedisIntoCacheAndPersistentFromTenK() {
		assertThat(recommend(metrics().users(5000)).components().virtualMachines()).extracting(Component::role)
				.contains("redis").doesNotContain("redis-cache");
		assertThat(recommend(metrics().users(10_000)).components().virtualMachines()).extracting(Component::role)
				.contains("redis-cache", "redis-persistent").doesNotContain("redis");
	}

	@Test
	void givesTheExampleMachineTypesOfEachCloud() {
		Component gitaly = component(recommend(metrics().users(50_000)), "gitaly");

		assertThat(gitaly.vcpu()).isEqualByComparingTo("64");
		assertThat(gitaly.memoryGb()).isEqualByComparingTo("240");
		assertThat(gitaly.machineTypes()).isEqualTo(new Recommendation.MachineTypes("n1-standard-64", "m5.16xlarge",
				"D64s v3"));
	}

	@Test
	void listsThePrometheusQueriesForPeakAndSustainedRates() {
		MeasurementGuide guide = SERVICE.measurementGuide();

		assertThat(guide.edition()).isEqualTo("2025-12");
		assertThat(guide.queries()).hasSize(9);
		assertThat(guide.queries()).filteredOn(q -> q.statistic() == Statistic.PEAK && q.trafficType() != null)
				.extracting(Query::trafficType)
				.containsExactly(TrafficType.API, TrafficType.WEB, TrafficType.GIT_PULL, TrafficType.GIT_PUSH);
		assertThat(query(guide, "api-peak").query()).isEqualTo("max_over_time(sum(rate(gitlab_transaction_duration_"
				+ "seconds_count{controller=~\"Grape\", action!~\".*/internal/.*\"}[1m]))[7d:1m])");
		assertThat(query(guide, "api-sustained").query()).startsWith("quantile_over_time(0.95, sum(rate(");
		assertThat(query(guide, "git-push-peak").query()).contains("action=\"git_receive_pack\"")
				.contains("grpc_method=\"SSHReceivePack\"");
		assertThat(query(guide, "quick-peak-by-endpoint").sources()).containsExactly("S1");
		assertThat(guide.collectionPeriod()).contains("7 to 14 days");
	}

	@Test
	void keepsRatesAsExactDecimals() {
		Recommendation recommendation = recommend(metrics().users(3000));

		assertThat(recommendation.architecture().targetRps().get(TrafficType.GIT_PUSH)).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(component(recommendation, "redis").memoryGb()).isEqualByComparingTo("7.5");
	}

	private static Component component(Recommendation recommendation, String role) {
		return recommendation.components().virtualMachines().stream().filter(c -> c.role().equals(role)).findFirst()
				.orElseThrow();
	}

	private static Query query(MeasurementGuide guide, String id) {
		return guide.queries().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
	}
}
