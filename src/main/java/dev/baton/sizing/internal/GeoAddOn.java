package dev.baton.sizing.internal;

import java.util.ArrayList;
import java.util.Optional;

import dev.baton.sizing.Recommendation.AddOn;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.Geo;

/**
 * Adds Geo when the prospect needs more than one region or disaster recovery, since a single
 * environment spanning regions is unsupported.
 */
final class GeoAddOn implements SizingRule {

	static final String NAME = "Geo for multi-region or disaster recovery";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		if (!sheet.metrics.availability().multiRegionOrDisasterRecovery()) {
			return Optional.empty();
		}
		Geo geo = sheet.rules.geo();
		var reasons = new ArrayList<Reason>();
		reasons.add(Words.cited(geo.purpose()));
		reasons.add(Words.cited(geo.unsupported()));
		reasons.add(Words.cited(geo.recovery()));
		if (sheet.isHighlyAvailable()) {
			reasons.add(Words.cited(sheet.rules.gitaly().geoSites()));
		}
		sheet.addOns.add(new AddOn("GitLab Geo", reasons));
		sheet.warnings.add(Words.cited(geo.caution()));
		return Optional.of(new Decision("add Geo: a primary and at least one secondary environment", reasons));
	}
}
