package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.ProspectMetrics.Repositories;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.GitalyPlan;
import dev.baton.sizing.Recommendation.GitalyTopology;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.GitalyRules;

/**
 * Gitaly Cluster (Praefect) where the architecture is HA, a single node where it is not, and a
 * Gitaly node of its own for a large monorepo, with the caveats the Gitaly docs attach to each.
 */
final class GitalyTopologyChoice implements SizingRule {

	static final String NAME = "Gitaly topology";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		GitalyRules rules = sheet.rules.gitaly();
		var reasons = new ArrayList<Reason>();
		var caveats = new ArrayList<Reason>();
		GitalyTopology topology;
		boolean cluster = sheet.isHighlyAvailable();
		if (cluster) {
			topology = GitalyTopology.CLUSTER_PRAEFECT;
			reasons.add(Words.because(sheet.size.id() + " is HA. " + rules.clusterDefault().text(), rules.clusterDefault()));
			reasons.add(Words.cited(sheet.rules.recovery().praefect()));
			if (sheet.metrics.users() > rules.activeUsersFrom()) {
				reasons.add(Words.because(Words.users(sheet.metrics.users()) + " users. " + rules.activeUsers().text(),
						rules.activeUsers()));
			}
			reasons.add(Words.because(rules.shardedSameSpecs().text() + " Sharded Gitaly trades that fault tolerance "
					+ "for less complexity.", rules.shardedSameSpecs(), rules.sharded()));
			if (sheet.deployment == DeploymentType.CLOUD_NATIVE_HYBRID) {
				reasons.add(Words.because("On Cloud Native Hybrid, Gitaly and Praefect stay on the backend VMs. "
						+ rules.notOnKubernetes().text(), rules.notOnKubernetes()));
			}
			rules.clusterCaveats().forEach(caveat -> caveats.add(Words.cited(caveat)));
			caveats.add(Words.cited(rules.raft()));
		}
		else {
			topology = GitalyTopology.SINGLE_NODE;
			reasons.add(Words.because(sheet.size.id() + " is not HA. " + rules.singleNode().text(), rules.singleNode()));
			caveats.add(Words.because("A single Gitaly node has no failover. "
					+ sheet.rules.recovery().standalone().text(), sheet.rules.recovery().standalone()));
		}
		if (sheet.dedicatedMonorepoShard) {
			reasons.add(Words.cited(sheet.rules.repositories().largeMonorepo().rule()));
			if (cluster) {
				reasons.add(Words.cited(rules.mixedAllowed()));
				caveats.add(Words.cited(rules.monorepoCaveat()));
			}
			else {
				topology = GitalyTopology.SHARDED;
				reasons.add(Words.because("A second Gitaly node for the monorepo makes the setup sharded. "
						+ rules.sharded().text(), rules.sharded()));
			}
		}
		else if (cluster && heavilyChangedMonorepo(sheet)) {
			caveats.add(Words.cited(rules.monorepoCaveat()));
		}
		if (sheet.metrics.availability().multiRegionOrDisasterRecovery() && cluster) {
			caveats.add(Words.cited(rules.lowLatency()));
			caveats.add(Words.cited(rules.geoSites()));
		}
		caveats.add(Words.cited(rules.storage()));
		sheet.gitaly = new GitalyPlan(topology, sheet.dedicatedMonorepoShard, reasons, caveats);
		return Optional.of(new Decision(topology.label()
				+ (sheet.dedicatedMonorepoShard ? ", with the monorepo on a Gitaly node of its own" : ""), reasons));
	}

	// the docs' caveat is about multi-gigabyte repositories under frequent change
	private static boolean heavilyChangedMonorepo(Worksheet sheet) {
		Repositories repositories = sheet.metrics.repositories();
		BigDecimal largest = repositories.largestRepositoryGb();
		return largest != null && largest.compareTo(sheet.rules.repositories().scaleGitalyAboveGb()) > 0
				&& repositories.monorepoUse().compareTo(MonorepoUse.MODERATE) >= 0;
	}
}
