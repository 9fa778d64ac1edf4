package dev.baton.sizing.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.Availability;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.Recovery;

/**
 * Holds the prospect's RPO and RTO against the only recovery figures the docs give: scheduled
 * backups for standalone, Gitaly Cluster's single-node failover for HA, and Geo's replication lag.
 */
final class RecoveryObjectives implements SizingRule {

	static final String NAME = "Recovery objectives";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		Availability availability = sheet.metrics.availability();
		Duration rpo = availability.recoveryPointObjective();
		Duration rto = availability.recoveryTimeObjective();
		if (rpo == null && rto == null) {
			return Optional.empty();
		}
		Recovery recovery = sheet.rules.recovery();
		var reasons = new ArrayList<Reason>();
		String objectives = "The prospect asks for " + objectives(rpo, rto);
		if (rpo != null && rpo.getSeconds() < recovery.praefectRpoBelowSeconds()) {
			sheet.warnings.add(Words.because("An RPO of " + Words.duration(rpo) + " is tighter than any figure the docs "
					+ "give. " + recovery.praefect().text(), recovery.praefect()));
		}
		if (rto != null && rto.getSeconds() < recovery.praefectRtoBelowSeconds()) {
			sheet.warnings.add(Words.because("An RTO of " + Words.duration(rto) + " is tighter than any figure the docs "
					+ "give. " + recovery.praefect().text(), recovery.praefect()));
		}
		String decision;
		if (sheet.isHighlyAvailable()) {
			reasons.add(Words.because(objectives + ". For a single-node failure the HA architecture's documented "
					+ "figures are: " + recovery.praefect().text(), recovery.praefect()));
			decision = "HA recovery figures apply";
		}
		else {
			reasons.add(Words.because(objectives + ". " + recovery.standalone().text() + " The backup schedule has "
					+ "to meet the RPO and a full restore the RTO; if it cannot, choose HA (" + haOption(sheet) + ")",
					recovery.standalone(), sheet.rules.availability().reducedHa().rule()));
			decision = "standalone: backups must meet them";
		}
		if (availability.multiRegionOrDisasterRecovery()) {
			reasons.add(Words.because("A region loss is covered by Geo. " + sheet.rules.geo().recovery().text(),
					sheet.rules.geo().recovery()));
			if (rpo != null && rpo.getSeconds() < sheet.rules.geo().replicationToleranceSeconds()) {
				sheet.warnings.add(Words.because("An RPO of " + Words.duration(rpo) + " may not hold when a region is lost. "
						+ sheet.rules.geo().recovery().text(), sheet.rules.geo().recovery()));
			}
		}
		else if (sheet.isHighlyAvailable()) {
			reasons.add(Words.because("These figures cover node failures within one site; losing the site needs Geo",
					sheet.rules.geo().purpose()));
		}
		return Optional.of(new Decision(decision, reasons));
	}

	private static String haOption(Worksheet sheet) {
		if (sheet.deployment == DeploymentType.CLOUD_NATIVE_HYBRID) {
			return sheet.rules.cloudNativeHybrid().smallestHa() + " Cloud Native Hybrid";
		}
		return sheet.rules.availability().reducedHa().architecture() + " with the supported reductions";
	}

	private static String objectives(Duration rpo, Duration rto) {
		var parts = new ArrayList<String>();
		if (rpo != null) {
			parts.add("RPO " + Words.duration(rpo));
		}
		if (rto != null) {
			parts.add("RTO " + Words.duration(rto));
		}
		return String.join(", ", parts);
	}
}
