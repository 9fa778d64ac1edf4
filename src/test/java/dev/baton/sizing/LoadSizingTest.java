package dev.baton.sizing;

import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.reasons;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.sizing.Recommendation.SizingBasis;

/**
 * Sizing by requests per second and by user count, at every documented limit and one above it.
 */
class LoadSizingTest {

	@ParameterizedTest(name = "{0} peak {1} RPS needs {2}")
	@CsvSource({
			"API, 20, 1k", "API, 21, 2k", "API, 40, 2k", "API, 41, 3k", "API, 60, 3k", "API, 61, 5k",
			"API, 100, 5k", "API, 101, 10k", "API, 200, 10k", "API, 201, 25k", "API, 500, 25k", "API, 501, 50k",
			"API, 1000, 50k",
			"WEB, 2, 1k", "WEB, 3, 2k", "WEB, 4, 2k", "WEB, 5, 3k", "WEB, 6, 3k", "WEB, 7, 5k", "WEB, 10, 5k",
			"WEB, 11, 10k", "WEB, 20, 10k", "WEB, 21, 25k", "WEB, 50, 25k", "WEB, 51, 50k", "WEB, 100, 50k",
			"GIT_PULL, 2, 1k", "GIT_PULL, 3, 2k", "GIT_PULL, 4, 2k", "GIT_PULL, 5, 3k", "GIT_PULL, 6, 3k",
			"GIT_PULL, 7, 5k", "GIT_PULL, 10, 5k", "GIT_PULL, 11, 10k", "GIT_PULL, 20, 10k", "GIT_PULL, 21, 25k",
			"GIT_PULL, 50, 25k", "GIT_PULL, 51, 50k", "GIT_PULL, 100, 50k",
			"GIT_PUSH, 1, 1k", "GIT_PUSH, 2, 5k", "GIT_PUSH, 3, 10k", "GIT_PUSH, 4, 10k", "GIT_PUSH, 5, 25k",
			"GIT_PUSH, 10, 25k", "GIT_PUSH, 11, 50k", "GIT_PUSH, 20, 50k" })
	void sizesEachTrafficTypeToTheSmallestArchitectureWhoseTargetCoversItsPeak(TrafficType type, double rps,
			String expected) {
		Recommendation recommendation = recommend(metrics().peak(type, rps));

		assertThat(recommendation.architecture().id()).isEqualTo(expected);
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.PEAK_RPS);
		assertThat(warnings(recommendation)).noneMatch(w -> w.contains("Beyond the largest documented"));
	}

	@ParameterizedTest(name = "{0} users need {1}")
	@CsvSource({ "1000, 1k", "1001, 2k", "2000, 2k", "2001, 3k", "3000, 3k", "3001, 5k", "5000, 5k", "5001, 10k",
			"10000, 10k", "10001, 25k", "25000, 25k", "25001, 50k", "50000, 50k" })
	void sizesByUserCountWhenNoRateIsKnown(int users, String expected) {
		Recommendation recommendation = recommend(metrics().users(users));

		assertThat(recommendation.architecture().id()).isEqualTo(expected);
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.USER_COUNT);
		assertThat(recommendation.rule(RuleNames.REQUEST_RATES)).isEmpty();
	}

	@Test
	void explainsEachTrafficTypeInPlainWordsWithItsSources() {
		Recommendation recommendation = recommend(metrics().peak(TrafficType.API, 150));

		assertThat(reasons(recommendation, RuleNames.REQUEST_RATES))
				.contains("API peak 150 RPS exceeds the 5k target of 100 RPS; 10k (200 RPS) fits [S1, S2, S4]");
	}

	@Test
	void takesTheLargestArchitectureAcrossTrafficTypes() {
		Recommendation recommendation = recommend(metrics().peak(TrafficType.API, 50).peak(TrafficType.WEB, 5)
				.peak(TrafficType.GIT_PULL, 15).peak(TrafficType.GIT_PUSH, 1));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(reasons(recommendation, RuleNames.REQUEST_RATES))
				.contains("Largest across traffic types: peak 10k (Git pull) [S5]");
	}

	@Test
	void letsMeasuredRatesDecideOverTheUserCount() {
		Recommendation recommendation = recommend(metrics().users(10_000).peak(TrafficType.API, 50));

		assertThat(recommendation.architecture().id()).isEqualTo("3k");
		assertThat(finding(recommendation, RuleNames.USER_COUNT).decision())
				.isEqualTo("rates decide; users alone suggest 10k");
	}

	@Test
	void warnsWhenTheUserCountSuggestsMoreThanTheMeasuredRates() {
		Recommendation recommendation = recommend(metrics().users(10_000).peak(TrafficType.API, 50));

		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("10,000 users suggest 10k but the measured "
				+ "rates need only 3k: check that the measurement covers 7 to 14 days"));
	}

	@Test
	void doesNotWarnWhenTheUserCountSuggestsLessThanTheMeasuredRates() {
		Recommendation recommendation = recommend(metrics().users(1_000).peak(TrafficType.API, 150));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(warnings(recommendation)).noneMatch(w -> w.contains("users suggest"));
	}

	@Test
	void warnsAboveTheLargestDocumentedRate() {
		Recommendation recommendation = recommend(metrics().peak(TrafficType.API, 1001));

		assertThat(recommendation.architecture().id()).isEqualTo("50k");
		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("Beyond the largest documented architecture, "
				+ "50k: API peak 1001 RPS (target 1000). Nothing is documented above 50k users / 1000 RPS.")
				&& w.endsWith("[S1]"));
	}

	@Test
	void warnsAboveTheLargestDocumentedUserCount() {
		Recommendation recommendation = recommend(metrics().users(50_001));

		assertThat(recommendation.architecture().id()).isEqualTo("50k");
		assertThat(finding(recommendation, RuleNames.DOCUMENTED_RANGE).decision()).isEqualTo("beyond 50k");
		assertThat(warnings(recommendation)).anyMatch(w -> w.contains("50,001 users (50,000)"));
	}

	@Test
	void doesNotWarnAtExactlyTheLargestDocumentedLoad() {
		Recommendation recommendation = recommend(metrics().users(50_000).peak(TrafficType.API, 1000));

		assertThat(recommendation.rule(RuleNames.DOCUMENTED_RANGE)).isEmpty();
	}

	@Test
	void followsTheTestedRatesPerThousandUsers() {
		// the docs' worked example: 10k is tested at 200/20/20/4 RPS, i.e. 20/2/2/0.4 per 1,000 users
		Recommendation recommendation = recommend(metrics().users(10_000));

		assertThat(recommendation.architecture().targetRps()).containsEntry(TrafficType.API, bd(200))
				.containsEntry(TrafficType.WEB, bd(20)).containsEntry(TrafficType.GIT_PULL, bd(20))
				.containsEntry(TrafficType.GIT_PUSH, bd(4));
	}

	private static BigDecimal bd(int value) {
		return BigDecimal.valueOf(value);
	}
}
