package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import dev.baton.sizing.Recommendation.Alternative;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.CloudNativeFirst;
import dev.baton.sizing.internal.ReferenceData.CloudNativeFirstSize;
import dev.baton.sizing.internal.ReferenceData.MachineTypes;

/**
 * Shows Cloud Native First beside the recommendation, never instead of it, when everything is
 * wanted on Kubernetes: it is Beta and not yet recommended for production use.
 */
final class CloudNativeFirstOption implements SizingRule {

	static final String NAME = "Cloud Native First (Beta)";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		if (sheet.metrics.hosting().kubernetesPreference() != KubernetesPreference.EVERYTHING_ON_KUBERNETES) {
			return Optional.empty();
		}
		CloudNativeFirst first = sheet.data.cloudNativeFirst();
		var reasons = new ArrayList<Reason>();
		if (sheet.metrics.hosting().kubernetesExperience() != KubernetesExperience.STRONG) {
			reasons.add(Words.because("Everything on Kubernetes is wanted, but Cloud Native Hybrid already needs strong "
					+ "Kubernetes experience and Cloud Native First puts Gitaly on Kubernetes too, so it is not offered",
					sheet.rules.cloudNativeHybrid().requirement()));
			return Optional.of(new Decision("not offered: Kubernetes experience", reasons));
		}
		BigDecimal rps = sheet.loadSize.target(TrafficType.API);
		MonorepoUse use = sheet.metrics.repositories().monorepoUse();
		CloudNativeFirstSize fit = null;
		CloudNativeFirstSize byLoad = null;
		for (CloudNativeFirstSize size : first.sizes()) {
			if (byLoad == null && rps.compareTo(size.maxRps()) <= 0) {
				byLoad = size;
			}
			if (rps.compareTo(size.maxRps()) <= 0 && size.maxMonorepoUse().compareTo(use) >= 0) {
				fit = size;
				break;
			}
		}
		List<String> sources = first.sources();
		if (fit == null) {
			reasons.add(Words.because("No Cloud Native First size covers " + Words.number(rps) + " API RPS with "
					+ use.name().toLowerCase(Locale.ROOT) + " monorepo use", sources));
			return Optional.of(new Decision("not offered: no size fits", reasons));
		}
		reasons.add(Words.because("The load needs " + sheet.loadSize.id() + " (" + Words.number(rps) + " API RPS); Cloud "
				+ "Native First " + fit.id() + " covers up to " + Words.number(fit.maxRps()) + " RPS. "
				+ fit.monorepoNote(), sources));
		if (fit != byLoad) {
			reasons.add(Words.because("A " + use.name().toLowerCase(Locale.ROOT) + " monorepo use needs " + fit.id()
					+ " rather than " + byLoad.id(), sources));
		}
		reasons.add(Words.cited(first.description()));
		var warnings = List.of(Words.because(first.status() + ": " + first.productionUse().text(),
				first.productionUse()), Words.cited(sheet.rules.gitaly().kubernetes()),
				Words.cited(sheet.rules.gitaly().sharded()));
		sheet.alternatives.add(new Alternative(DeploymentType.CLOUD_NATIVE_FIRST, fit.id(), specification(first, fit),
				reasons, warnings));
		return Optional.of(new Decision("shown as an alternative: " + fit.id() + " (Beta)", reasons));
	}

	private static List<String> specification(CloudNativeFirst first, CloudNativeFirstSize size) {
		var pod = first.webservicePod();
		return List.of(
				"Webservice: " + size.webservice().podsMin() + " to " + size.webservice().podsMax() + " pods ("
						+ Words.number(pod.vcpu()) + " vCPU, " + Words.number(pod.memoryRequestGb()) + " GB request / "
						+ Words.number(pod.memoryLimitGb()) + " GB limit, " + pod.pumaWorkers() + " Puma workers each) on "
						+ size.webservice().nodes() + " x " + types(size.webservice().machineTypes()),
				"Sidekiq: " + size.sidekiq().workersMin() + " to " + size.sidekiq().workersMax() + " workers on "
						+ size.sidekiq().nodes() + " x " + types(size.sidekiq().machineTypes()),
				"Gitaly (sharded, on Kubernetes): " + size.gitaly().pods() + " pods x " + Words.number(size.gitaly().vcpu())
						+ " vCPU, " + Words.number(size.gitaly().memoryGb()) + " GB",
				"Supporting services: " + Words.number(size.supporting().vcpu()) + " vCPU, "
						+ Words.number(size.supporting().memoryGb()) + " GB",
				"PostgreSQL (external): " + Words.number(size.postgresql().vcpu()) + " vCPU, "
						+ Words.number(size.postgresql().memoryGb()) + " GB" + optionalTypes(size.postgresql().machineTypes()),
				"Redis Cache and Redis Persistent (external): " + Words.number(size.redis().vcpu()) + " vCPU, "
						+ Words.number(size.redis().memoryGb()) + " GB each" + optionalTypes(size.redis().machineTypes()),
				"Object storage (external)");
	}

	private static String types(MachineTypes types) {
		var names = new ArrayList<String>();
		if (types.gcp() != null) {
			names.add(types.gcp() + " (GCP)");
		}
		if (types.aws() != null) {
			names.add(types.aws() + " (AWS)");
		}
		return String.join(" / ", names);
	}

	private static String optionalTypes(MachineTypes types) {
		return types == null || (types.gcp() == null && types.aws() == null) ? "" : " (" + types(types) + ")";
	}
}
