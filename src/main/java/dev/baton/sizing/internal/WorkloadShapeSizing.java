package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.RequestRate;
import dev.baton.sizing.ProspectMetrics.WorkloadPattern;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.ApiShare;
import dev.baton.sizing.internal.ReferenceData.PatternRule;
import dev.baton.sizing.internal.ReferenceData.WorkloadShape;

/**
 * Shapes the components to the workload: a database-intensive or a Git/CI-intensive pattern, or
 * API traffic above 90% of the total, scales the components that pattern stresses.
 */
final class WorkloadShapeSizing implements SizingRule {

	static final String NAME = "Workload shape";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		WorkloadShape shape = sheet.rules.workloadShape();
		List<BigDecimal> factors = List.of(shape.factorMin(), shape.factorMax());
		var reasons = new ArrayList<Reason>();
		var decisions = new ArrayList<String>();
		WorkloadPattern pattern = sheet.metrics.automation().workloadPattern();
		if (pattern != WorkloadPattern.NONE_DETECTED) {
			PatternRule rule = pattern == WorkloadPattern.DATABASE_INTENSIVE ? shape.databaseIntensive()
					: shape.gitIntensive();
			Reason why = Words.because(rule.rule().text() + " " + shape.factorRule().text(), rule.rule(),
					shape.factorRule());
			for (String role : rule.roles()) {
				sheet.adjustments.add(ComponentScaling.scale(sheet, role, factors, why));
			}
			reasons.add(why);
			if (pattern == WorkloadPattern.DATABASE_INTENSIVE) {
				reasons.add(Words.cited(shape.readHeavyDatabase()));
			}
			decisions.add(pattern == WorkloadPattern.DATABASE_INTENSIVE ? "database-intensive" : "Git/CI-intensive");
		}
		apiShare(sheet).ifPresent(share -> {
			ApiShare rule = sheet.rules.apiShare();
			Reason why = Words.because("API is " + Words.percent(share.movePointRight(2)) + " of the peak traffic, above "
					+ Words.percent(rule.above().movePointRight(2)) + ". " + rule.rule().text() + " "
					+ shape.factorRule().text(), rule.rule(), shape.factorRule());
			for (String role : rule.roles()) {
				sheet.adjustments.add(ComponentScaling.scale(sheet, role, factors, why));
			}
			reasons.add(why);
			decisions.add("API-heavy");
		});
		if (reasons.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Decision(String.join(", ", decisions) + ": scale the stressed components " + Words.factors(
				factors), reasons));
	}

	// the share is only meaningful over the whole traffic, so every type's peak must be known
	private static Optional<BigDecimal> apiShare(Worksheet sheet) {
		BigDecimal total = BigDecimal.ZERO;
		for (TrafficType type : TrafficType.values()) {
			Optional<RequestRate> rate = sheet.metrics.rate(type);
			if (rate.isEmpty() || rate.get().peak() == null) {
				return Optional.empty();
			}
			total = total.add(rate.get().peak());
		}
		if (total.signum() == 0) {
			return Optional.empty();
		}
		BigDecimal share = sheet.metrics.rate(TrafficType.API).orElseThrow().peak().divide(total, MathContext.DECIMAL64);
		return share.compareTo(sheet.rules.apiShare().above()) > 0 ? Optional.of(share) : Optional.empty();
	}
}
