package dev.baton.sizing;

import java.util.List;
import java.util.stream.Collectors;

import dev.baton.sizing.Recommendation.Adjustment;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.Recommendation.RuleFinding;

/**
 * Shared fixtures for the sizing tests: the service over the shipped data edition, read once.
 */
final class Sizing {

	static final SizingService SERVICE = SizingService.fromClasspath();

	private Sizing() {
	}

	static ProspectMetrics.Builder metrics() {
		return ProspectMetrics.builder();
	}

	static Recommendation recommend(ProspectMetrics.Builder metrics) {
		return SERVICE.recommend(metrics.build());
	}

	static RuleFinding finding(Recommendation recommendation, String rule) {
		return recommendation.rule(rule)
				.orElseThrow(() -> new AssertionError("rule '" + rule + "' did not fire; fired: "
						+ recommendation.rules().stream().map(RuleFinding::rule).toList()));
	}

	static List<String> reasons(Recommendation recommendation, String rule) {
		return cited(finding(recommendation, rule).reasons());
	}

	static List<String> cited(List<Reason> reasons) {
		return reasons.stream().map(Reason::cited).collect(Collectors.toList());
	}

	static List<String> warnings(Recommendation recommendation) {
		return cited(recommendation.warnings());
	}

	static List<String> adjustments(Recommendation recommendation) {
		return recommendation.adjustments().stream().map(a -> a.target() + ": " + a.change())
				.collect(Collectors.toList());
	}

	static List<String> adjustmentTargets(Recommendation recommendation) {
		return recommendation.adjustments().stream().map(Adjustment::target).collect(Collectors.toList());
	}
}
