package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.RequestRate;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.Recommendation.SizingBasis;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.Architecture;
import dev.baton.sizing.internal.ReferenceData.Headroom;

/**
 * Chooses between the peak and the sustained architecture: the sustained one stands while every
 * peak stays within the documented 10-15% headroom over its targets, the peak one beyond 15%.
 */
final class PeakOrSustained implements SizingRule {

	static final String NAME = "Choose between peak and sustained";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		Architecture peak = sheet.peakSize;
		Architecture sustained = sheet.sustainedSize;
		if (peak == null && sustained == null) {
			return Optional.empty();
		}
		Headroom headroom = sheet.rules.headroom();
		var reasons = new ArrayList<Reason>();
		if (sustained == null) {
			choose(sheet, peak, SizingBasis.PEAK_RPS);
			reasons.add(Words.because("No sustained (p95) rates were given, so the peak decides: " + peak.id()
					+ "; with sustained rates the headroom rule might allow a smaller size", headroom.rule()));
			return Optional.of(new Decision(peak.id() + " by peak", reasons));
		}
		if (peak == null) {
			choose(sheet, sustained, SizingBasis.SUSTAINED_RPS);
			Reason unmeasured = sheet.architectureReason("No peak rates were given, so the sustained rates decide: "
					+ sustained.id() + "; the architectures are named by peak load, so measure the peaks too");
			sheet.warnings.add(unmeasured);
			reasons.add(unmeasured);
			return Optional.of(new Decision(sustained.id() + " by sustained rates only", reasons));
		}
		if (peak == sustained) {
			choose(sheet, peak, SizingBasis.PEAK_RPS);
			reasons.add(Words.because("Peak and sustained rates both need " + peak.id(), headroom.rule()));
			return Optional.of(new Decision(peak.id() + ", peak and sustained agree", reasons));
		}
		if (sheet.data.rank(peak) < sheet.data.rank(sustained)) {
			// only possible when the sustained rate of a type without a measured peak is the larger
			choose(sheet, sustained, SizingBasis.SUSTAINED_RPS);
			reasons.add(Words.because("The sustained rates need more (" + sustained.id() + ") than the measured peaks ("
					+ peak.id() + "), so " + sustained.id(), headroom.rule()));
			return Optional.of(new Decision(sustained.id() + " by sustained rates", reasons));
		}
		Excess worst = worstExcess(sheet, sustained);
		String over = worst.type.label() + " peak " + Words.number(worst.peak) + " RPS is " + Words.percent(worst.percent)
				+ " above the " + sheet.targetRps(sustained, worst.type);
		if (worst.percent.compareTo(headroom.toleranceUpToPercent()) > 0) {
			choose(sheet, peak, SizingBasis.PEAK_RPS);
			reasons.add(Words.because(over + ", beyond " + Words.number(headroom.toleranceUpToPercent())
					+ "%: use the peak architecture " + peak.id(), headroom.rule()));
			return Optional.of(new Decision(peak.id() + " by peak, beyond the headroom of " + sustained.id(), reasons));
		}
		choose(sheet, sustained, SizingBasis.SUSTAINED_RPS);
		reasons.add(Words.because(over + ", within the built-in headroom of " + Words.number(headroom.acceptWithinPercent())
				+ "-" + Words.number(headroom.toleranceUpToPercent()) + "%: the sustained architecture " + sustained.id()
				+ " is acceptable instead of " + peak.id(), headroom.rule()));
		if (worst.percent.compareTo(headroom.acceptWithinPercent()) > 0) {
			sheet.warnings.add(Words.because(over + ", at the edge of the headroom: " + sustained.id()
					+ " carries some risk; monitor it closely or start at " + peak.id(), headroom.rule()));
		}
		return Optional.of(new Decision(sustained.id() + " by sustained rates, peak within the headroom", reasons));
	}

	private static void choose(Worksheet sheet, Architecture size, SizingBasis basis) {
		sheet.loadSize = size;
		sheet.basis = basis;
	}

	private static Excess worstExcess(Worksheet sheet, Architecture sustained) {
		Excess worst = null;
		for (TrafficType type : TrafficType.values()) {
			Optional<RequestRate> rate = sheet.metrics.rate(type);
			if (rate.isEmpty() || rate.get().peak() == null) {
				continue;
			}
			BigDecimal target = sustained.target(type);
			BigDecimal percent = rate.get().peak().subtract(target).multiply(HUNDRED)
					.divide(target, MathContext.DECIMAL64);
			if (worst == null || percent.compareTo(worst.percent) > 0) {
				worst = new Excess(type, rate.get().peak(), percent);
			}
		}
		return worst;
	}

	private record Excess(TrafficType type, BigDecimal peak, BigDecimal percent) {
	}
}
