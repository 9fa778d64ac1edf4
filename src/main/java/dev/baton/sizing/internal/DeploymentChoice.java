package dev.baton.sizing.internal;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.Hosting;
import dev.baton.sizing.ProspectMetrics.KubernetesExperience;
import dev.baton.sizing.ProspectMetrics.KubernetesPreference;
import dev.baton.sizing.Recommendation.Adjustment;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.Architecture;
import dev.baton.sizing.internal.ReferenceData.HybridRules;
import dev.baton.sizing.internal.ReferenceData.ReducedHa;

/**
 * Linux package or Cloud Native Hybrid: the hybrid only for a team with strong Kubernetes
 * experience that wants it, never with zero-downtime upgrades, and at the sizes that offer it.
 */
final class DeploymentChoice implements SizingRule {

	static final String NAME = "Linux package or Kubernetes";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		Hosting hosting = sheet.metrics.hosting();
		HybridRules hybrid = sheet.rules.cloudNativeHybrid();
		var reasons = new ArrayList<Reason>();
		if (hosting.kubernetesPreference() == KubernetesPreference.NONE) {
			reasons.add(Words.because("No wish to run on Kubernetes, so the Linux package on VMs. "
					+ hybrid.decisionTree().text(), hybrid.decisionTree()));
			return Optional.of(linuxPackage(sheet, reasons));
		}
		if (hosting.kubernetesExperience() != KubernetesExperience.STRONG) {
			reasons.add(Words.because("Kubernetes is wanted but the team's Kubernetes experience is "
					+ hosting.kubernetesExperience().name().toLowerCase(Locale.ROOT)
					+ ", so the Linux package. " + hybrid.requirement().text(), hybrid.requirement()));
			return Optional.of(linuxPackage(sheet, reasons));
		}
		if (sheet.metrics.availability().zeroDowntimeUpgrades()) {
			Reason conflict = Words.because("Kubernetes is wanted, but so are zero-downtime upgrades, which Cloud Native "
					+ "Hybrid does not offer: the Linux package with HA instead", sheet.rules.availability()
							.zeroDowntimeUpgrades());
			sheet.warnings.add(conflict);
			reasons.add(conflict);
			return Optional.of(linuxPackage(sheet, reasons));
		}
		Architecture hybridSize = hybridSize(sheet, hybrid, reasons);
		sheet.size = hybridSize;
		sheet.deployment = DeploymentType.CLOUD_NATIVE_HYBRID;
		reasons.add(Words.because("Strong Kubernetes experience and the wish to use it: Cloud Native Hybrid. "
				+ hybrid.requirement().text(), hybrid.requirement(), hybrid.decisionTree()));
		reasons.add(Words.cited(hybrid.guidance()));
		reasons.add(Words.because("Example Helm values for this size: "
				+ hybridSize.cloudNativeHybrid().valuesFile(), hybridSize.sources()));
		String provider = hosting.cloudProvider().name();
		if (!hybrid.validatedProviders().contains(provider)) {
			sheet.warnings.add(Words.because("Cloud Native Hybrid on " + label(hosting) + " is outside what was validated. "
					+ hybrid.validated().text(), hybrid.validated()));
		}
		return Optional.of(new Decision("Cloud Native Hybrid " + hybridSize.id(), reasons));
	}

	private static Architecture hybridSize(Worksheet sheet, HybridRules hybrid, ArrayList<Reason> reasons) {
		Architecture size = sheet.size;
		if (sheet.deployment == DeploymentType.LINUX_PACKAGE_HA_REDUCED) {
			Architecture smallestHa = sheet.data.architecture(hybrid.smallestHa()).orElseThrow();
			reasons.add(Words.because("The supported reductions are for the Linux package; the smallest HA hybrid is "
					+ smallestHa.id(), hybrid.smallest()));
			return sheet.data.max(size, smallestHa);
		}
		if (!size.cloudNativeHybrid().available()) {
			String instead = sheet.haRequired ? hybrid.smallestHa() : hybrid.smallestNonHa();
			Architecture replacement = sheet.data.architecture(instead).orElseThrow();
			reasons.add(Words.because(size.id() + " has no Cloud Native Hybrid; use a modified " + replacement.id()
					+ ". " + hybrid.smallest().text(), hybrid.smallest()));
			return replacement;
		}
		return size;
	}

	private static Decision linuxPackage(Worksheet sheet, ArrayList<Reason> reasons) {
		if (sheet.deployment == DeploymentType.LINUX_PACKAGE_HA_REDUCED) {
			ReducedHa reducedHa = sheet.rules.availability().reducedHa();
			for (String reduction : reducedHa.reductions()) {
				sheet.adjustments.add(new Adjustment(reducedHa.architecture() + " architecture", reduction,
						Words.cited(reducedHa.rule())));
			}
			reasons.add(Words.because("Start from the published " + reducedHa.architecture() + " components and apply the "
					+ reducedHa.reductions().size() + " supported reductions", reducedHa.rule()));
			return new Decision("Linux package, " + reducedHa.architecture() + " with the supported reductions", reasons);
		}
		return new Decision("Linux package", reasons);
	}

	private static String label(Hosting hosting) {
		return switch (hosting.cloudProvider()) {
			case AZURE -> "Azure";
			case ON_PREMISES -> "premises";
			case OTHER -> "another provider";
			case UNKNOWN -> "an unnamed provider";
			default -> hosting.cloudProvider().name();
		};
	}
}
