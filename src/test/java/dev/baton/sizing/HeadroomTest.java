package dev.baton.sizing;

import static dev.baton.sizing.Sizing.finding;
import static dev.baton.sizing.Sizing.metrics;
import static dev.baton.sizing.Sizing.reasons;
import static dev.baton.sizing.Sizing.recommend;
import static dev.baton.sizing.Sizing.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.baton.sizing.Recommendation.SizingBasis;

/**
 * The 10-15% headroom between the peak and the sustained architecture, with the docs' own examples.
 */
class HeadroomTest {

	@Test
	void acceptsTheSustainedArchitectureForAPeakTenPercentOverItsTarget() {
		// docs example 1: peak 110 RPS against Large's 100 RPS, 10% over, Large suffices
		Recommendation recommendation = recommend(metrics().rps(TrafficType.API, 110, 90));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.SUSTAINED_RPS);
		assertThat(reasons(recommendation, RuleNames.PEAK_OR_SUSTAINED)).containsExactly(
				"API peak 110 RPS is 10% above the 5k target of 100 RPS, within the built-in headroom of 10-15%: the "
						+ "sustained architecture 5k is acceptable instead of 10k [S5]");
		assertThat(warnings(recommendation)).noneMatch(w -> w.contains("edge of the headroom"));
	}

	@Test
	void usesThePeakArchitectureForAPeakFiftyPercentOverTheSustainedTarget() {
		// docs example 2: peak 150 RPS against Large's 100 RPS, 50% over, use X-Large
		Recommendation recommendation = recommend(metrics().rps(TrafficType.API, 150, 90));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.PEAK_RPS);
		assertThat(reasons(recommendation, RuleNames.PEAK_OR_SUSTAINED)).containsExactly(
				"API peak 150 RPS is 50% above the 5k target of 100 RPS, beyond 15%: use the peak architecture 10k [S5]");
	}

	@Test
	void acceptsThePeakAtExactlyFifteenPercentWithAWarning() {
		Recommendation recommendation = recommend(metrics().rps(TrafficType.API, 115, 90));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("API peak 115 RPS is 15% above the 5k target "
				+ "of 100 RPS, at the edge of the headroom: 5k carries some risk"));
	}

	@Test
	void usesThePeakArchitectureJustAboveFifteenPercent() {
		Recommendation recommendation = recommend(metrics().rps(TrafficType.API, 115.01, 90));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.PEAK_RPS);
	}

	@Test
	void warnsBetweenTenAndFifteenPercentButNotAtTen() {
		Recommendation atTen = recommend(metrics().rps(TrafficType.API, 110, 90));
		Recommendation aboveTen = recommend(metrics().rps(TrafficType.API, 110.5, 90));

		assertThat(warnings(atTen)).noneMatch(w -> w.contains("edge of the headroom"));
		assertThat(warnings(aboveTen)).anyMatch(w -> w.contains("10.5% above the 5k target"));
		assertThat(aboveTen.architecture().id()).isEqualTo("5k");
	}

	@Test
	void checksTheHeadroomOfEveryTrafficTypeWithAPeak() {
		// API alone would stay at 5k, but Web peaks 20% over 5k's 10 RPS
		Recommendation recommendation = recommend(metrics().rps(TrafficType.API, 105, 90).rps(TrafficType.WEB, 12, 9));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(reasons(recommendation, RuleNames.PEAK_OR_SUSTAINED))
				.anyMatch(r -> r.startsWith("Web peak 12 RPS is 20% above the 5k target of 10 RPS"));
	}

	@Test
	void usesTheSameArchitectureWhenPeakAndSustainedAgree() {
		Recommendation recommendation = recommend(metrics().rps(TrafficType.API, 95, 80));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
		assertThat(finding(recommendation, RuleNames.PEAK_OR_SUSTAINED).decision())
				.isEqualTo("5k, peak and sustained agree");
	}

	@Test
	void sizesByPeakWhenNoSustainedRateIsGiven() {
		// without a sustained figure there is no headroom to lean on, so 110 RPS needs 10k
		Recommendation recommendation = recommend(metrics().peak(TrafficType.API, 110));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(finding(recommendation, RuleNames.PEAK_OR_SUSTAINED).decision()).isEqualTo("10k by peak");
	}

	@Test
	void sizesBySustainedRatesWithAWarningWhenNoPeakIsGiven() {
		Recommendation recommendation = recommend(metrics().sustained(TrafficType.API, 90));

		assertThat(recommendation.architecture().id()).isEqualTo("5k");
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.SUSTAINED_RPS);
		assertThat(warnings(recommendation)).anyMatch(w -> w.startsWith("No peak rates were given"));
	}

	@Test
	void takesTheSustainedArchitectureWhenItIsLargerThanTheMeasuredPeaks() {
		Recommendation recommendation = recommend(metrics().sustained(TrafficType.API, 150).peak(TrafficType.WEB, 3));

		assertThat(recommendation.architecture().id()).isEqualTo("10k");
		assertThat(recommendation.basis()).isEqualTo(SizingBasis.SUSTAINED_RPS);
	}
}
