package dev.baton.sizing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.RequestRate;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.Architecture;

/**
 * Warns when any figure lies beyond the largest documented architecture, where the data can only
 * give a floor.
 */
final class DocumentedRange implements SizingRule {

	static final String NAME = "Stay within the documented range";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		Architecture largest = sheet.data.largest();
		var beyond = new ArrayList<String>();
		for (RequestRate rate : sheet.metrics.rps()) {
			TrafficType type = rate.type();
			if (rate.peak() != null && sheet.beyondLargest(type, rate.peak())) {
				beyond.add(type.label() + " peak " + Words.number(rate.peak()) + " RPS (target "
						+ Words.number(largest.target(type)) + ")");
			}
			if (rate.sustained() != null && sheet.beyondLargest(type, rate.sustained())) {
				beyond.add(type.label() + " sustained " + Words.number(rate.sustained()) + " RPS (target "
						+ Words.number(largest.target(type)) + ")");
			}
		}
		if (sheet.metrics.users() > largest.users()) {
			beyond.add(Words.users(sheet.metrics.users()) + " users (" + Words.users(largest.users()) + ")");
		}
		if (beyond.isEmpty()) {
			return Optional.empty();
		}
		Reason warning = Words.because("Beyond the largest documented architecture, " + largest.id() + ": "
				+ String.join(", ", beyond) + ". " + sheet.rules.documentedRange().rule().text() + " Treat "
				+ largest.id() + " as a floor, not a fit, and contact GitLab", sheet.rules.documentedRange().rule());
		sheet.warnings.add(warning);
		return Optional.of(new Decision("beyond " + largest.id(), List.of(warning)));
	}
}
