package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.RequestRate;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.Architecture;

/**
 * Maps each traffic type's peak and sustained rate to the smallest architecture whose target
 * covers it, then takes the largest across types, separately for peak and sustained.
 */
final class RequestRateSizing implements SizingRule {

	static final String NAME = "Size by requests per second";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		if (!sheet.metrics.hasRequestRates()) {
			return Optional.empty();
		}
		var reasons = new ArrayList<Reason>();
		for (TrafficType type : TrafficType.values()) {
			Optional<RequestRate> rate = sheet.metrics.rate(type);
			if (rate.isEmpty()) {
				continue;
			}
			if (rate.get().peak() != null) {
				reasons.add(place(sheet, type, "peak", rate.get().peak(), sheet.peakByType));
			}
			if (rate.get().sustained() != null) {
				reasons.add(place(sheet, type, "sustained (p95)", rate.get().sustained(), sheet.sustainedByType));
			}
		}
		sheet.peakSize = largest(sheet, sheet.peakByType.values());
		sheet.sustainedSize = largest(sheet, sheet.sustainedByType.values());
		var decision = new StringBuilder();
		var summary = new StringBuilder("Largest across traffic types:");
		if (sheet.peakSize != null) {
			decision.append("peak needs ").append(sheet.peakSize.id());
			summary.append(" peak ").append(sheet.peakSize.id()).append(drivers(sheet.peakByType, sheet.peakSize));
		}
		if (sheet.sustainedSize != null) {
			decision.append(decision.length() > 0 ? ", " : "").append("sustained needs ").append(sheet.sustainedSize.id());
			summary.append(sheet.peakSize != null ? ";" : "").append(" sustained ").append(sheet.sustainedSize.id())
					.append(drivers(sheet.sustainedByType, sheet.sustainedSize));
		}
		reasons.add(Words.because(summary.toString(), sheet.rules.largestAcrossTrafficTypes()));
		return Optional.of(new Decision(decision.toString(), reasons));
	}

	private static Reason place(Worksheet sheet, TrafficType type, String statistic, BigDecimal rps,
			Map<TrafficType, Architecture> placed) {
		Architecture fit = sheet.fit(type, rps);
		placed.put(type, fit);
		String measured = type.label() + " " + statistic + " " + Words.number(rps) + " RPS";
		if (sheet.beyondLargest(type, rps)) {
			return sheet.architectureReason(measured + " exceeds the " + sheet.targetRps(fit, type)
					+ ", the largest documented");
		}
		Architecture smaller = sheet.previous(fit);
		if (smaller == null) {
			return sheet.architectureReason(measured + " is within the " + sheet.targetRps(fit, type));
		}
		return sheet.architectureReason(measured + " exceeds the " + sheet.targetRps(smaller, type) + "; " + fit.id()
				+ " (" + Words.number(fit.target(type)) + " RPS) fits");
	}

	private static Architecture largest(Worksheet sheet, Collection<Architecture> sizes) {
		Architecture largest = null;
		for (Architecture size : sizes) {
			largest = largest == null ? size : sheet.data.max(largest, size);
		}
		return largest;
	}

	private static String drivers(Map<TrafficType, Architecture> placed, Architecture size) {
		var types = new ArrayList<String>();
		placed.forEach((type, fit) -> {
			if (fit == size) {
				types.add(type.label());
			}
		});
		return " (" + String.join(", ", types) + ")";
	}
}
