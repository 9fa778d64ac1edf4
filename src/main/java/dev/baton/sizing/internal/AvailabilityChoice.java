package dev.baton.sizing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.Availability;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.Architecture;
import dev.baton.sizing.internal.ReferenceData.AvailabilityRules;

/**
 * Standalone with backups, or HA: from 3k HA is built in; below it HA is chosen only when
 * downtime would be critical, upgrades must not stop the service, or there are 3,000 users or more,
 * and then as the 3k architecture with the supported reductions.
 */
final class AvailabilityChoice implements SizingRule {

	static final String NAME = "Standalone or HA";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		AvailabilityRules rules = sheet.rules.availability();
		Architecture load = sheet.loadSize;
		var reasons = new ArrayList<Reason>();
		if (load.highAvailability()) {
			sheet.size = load;
			sheet.haRequired = true;
			sheet.deployment = DeploymentType.LINUX_PACKAGE_HA;
			reasons.add(Words.because(load.id() + " has HA built in. " + rules.ha().text(), rules.ha()));
			reasons.add(Words.cited(rules.network()));
			return Optional.of(new Decision("HA, built into " + load.id(), reasons));
		}
		List<Reason> needs = needs(sheet, rules);
		if (needs.isEmpty()) {
			sheet.size = load;
			sheet.haRequired = false;
			sheet.deployment = DeploymentType.STANDALONE;
			reasons.add(Words.cited(rules.standalone()));
			reasons.add(Words.cited(rules.haOnlyIf()));
			reasons.add(Words.cited(rules.cost()));
			return Optional.of(new Decision("standalone " + load.id() + " with automated backups", reasons));
		}
		Architecture reduced = sheet.data.architecture(rules.reducedHa().architecture()).orElseThrow();
		sheet.size = reduced;
		sheet.haRequired = true;
		sheet.deployment = DeploymentType.LINUX_PACKAGE_HA_REDUCED;
		reasons.addAll(needs);
		reasons.add(Words.because("The load needs only " + load.id() + ", which has no HA. "
				+ rules.reducedHa().rule().text(), rules.reducedHa().rule()));
		reasons.add(Words.cited(rules.haOnlyIf()));
		reasons.add(Words.cited(rules.network()));
		Availability availability = sheet.metrics.availability();
		if (availability.zeroDowntimeUpgrades() && !availability.highAvailability()) {
			sheet.warnings.add(Words.because("Zero-downtime upgrades were asked for without asking for HA, but the "
					+ load.id() + " the load needs is not HA; zero-downtime upgrades need HA, so the recommendation is HA "
					+ "(" + reduced.id() + " with the supported reductions)", rules.zeroDowntimeUpgrades()));
		}
		return Optional.of(new Decision("HA: " + reduced.id() + " with the supported reductions instead of " + load.id(),
				reasons));
	}

	private static List<Reason> needs(Worksheet sheet, AvailabilityRules rules) {
		var needs = new ArrayList<Reason>();
		Availability availability = sheet.metrics.availability();
		if (availability.highAvailability()) {
			needs.add(Words.because("Downtime would critically impact the prospect's workflow", rules.haOnlyIf()));
		}
		if (availability.zeroDowntimeUpgrades()) {
			needs.add(Words.because("Upgrades must not take the service down, and zero-downtime upgrades need HA",
					rules.zeroDowntimeUpgrades()));
		}
		if (sheet.metrics.users() >= rules.haFromUsers()) {
			needs.add(Words.because(Words.users(sheet.metrics.users()) + " users: from " + Words.users(rules.haFromUsers())
					+ " users HA is generally recommended", rules.ha()));
		}
		return needs;
	}
}
