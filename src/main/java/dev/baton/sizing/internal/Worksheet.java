package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.baton.sizing.ProspectMetrics;
import dev.baton.sizing.Recommendation.AddOn;
import dev.baton.sizing.Recommendation.Adjustment;
import dev.baton.sizing.Recommendation.Alternative;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.GitalyPlan;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.Recommendation.SizingBasis;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.Architecture;

/**
 * The state of one sizing while the rules run in order, each reading what the earlier ones
 * decided; it lives for one recommendation only.
 */
final class Worksheet {

	final ProspectMetrics metrics;
	final ReferenceData data;
	final ReferenceData.Rules rules;

	final Map<TrafficType, Architecture> peakByType = new EnumMap<>(TrafficType.class);
	final Map<TrafficType, Architecture> sustainedByType = new EnumMap<>(TrafficType.class);
	Architecture peakSize;
	Architecture sustainedSize;

	/** The size the load needs, before availability and deployment have their say. */
	Architecture loadSize;
	SizingBasis basis;

	/** The size recommended. */
	Architecture size;
	boolean haRequired;
	DeploymentType deployment;

	boolean dedicatedMonorepoShard;
	GitalyPlan gitaly;

	final List<AddOn> addOns = new ArrayList<>();
	final List<Adjustment> adjustments = new ArrayList<>();
	final List<Reason> warnings = new ArrayList<>();
	final List<Alternative> alternatives = new ArrayList<>();

	Worksheet(ProspectMetrics metrics, ReferenceData data) {
		this.metrics = metrics;
		this.data = data;
		this.rules = data.rules();
	}

	/** The smallest architecture whose target for this traffic type covers the rate. */
	Architecture fit(TrafficType type, BigDecimal rps) {
		for (Architecture architecture : data.architectures()) {
			if (rps.compareTo(architecture.target(type)) <= 0) {
				return architecture;
			}
		}
		return data.largest();
	}

	/** The smallest architecture named for at least this many users. */
	Architecture fitUsers(int users) {
		for (Architecture architecture : data.architectures()) {
			if (users <= architecture.users()) {
				return architecture;
			}
		}
		return data.largest();
	}

	boolean beyondLargest(TrafficType type, BigDecimal rps) {
		return rps.compareTo(data.largest().target(type)) > 0;
	}

	Architecture previous(Architecture architecture) {
		int rank = data.rank(architecture);
		return rank == 0 ? null : data.architectures().get(rank - 1);
	}

	boolean isHighlyAvailable() {
		return deployment != DeploymentType.STANDALONE
				&& !(deployment == DeploymentType.CLOUD_NATIVE_HYBRID && !size.cloudNativeHybrid().highAvailability());
	}

	String targetRps(Architecture architecture, TrafficType type) {
		return architecture.id() + " target of " + Words.number(architecture.target(type)) + " RPS";
	}

	Reason architectureReason(String text) {
		return Words.because(text, data.smallest().sources());
	}
}
