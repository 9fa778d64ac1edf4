package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.baton.sizing.Edition;
import dev.baton.sizing.MeasurementGuide;
import dev.baton.sizing.ProspectMetrics;
import dev.baton.sizing.Recommendation;
import dev.baton.sizing.Recommendation.Architecture;
import dev.baton.sizing.Recommendation.Component;
import dev.baton.sizing.Recommendation.ComponentList;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.MachineTypes;
import dev.baton.sizing.Recommendation.NodePool;
import dev.baton.sizing.Recommendation.RuleFinding;
import dev.baton.sizing.Recommendation.Totals;
import dev.baton.sizing.TrafficType;

/**
 * The sizing method as an ordered list of named rules over one data edition; each rule sees what
 * the earlier ones decided, and every rule that fires is reported with its reasons.
 */
public final class SizingPolicy {

	private static final String EXAMPLES_ONLY = "Machine types are examples only: tests use GCP n1 and AWS m5 as a "
			+ "lowest common denominator; newer series and ARM are supported, burstable types are not recommended.";

	private final ReferenceData data;
	private final List<SizingRule> rules;

	public SizingPolicy(ReferenceData data) {
		this.data = Objects.requireNonNull(data, "data");
		// the order is the docs' method: load, headroom, users, range, start large, HA, deployment, shape, Gitaly, add-ons
		this.rules = List.of(new RequestRateSizing(), new PeakOrSustained(), new UserCountSizing(),
				new DocumentedRange(), new StartLarge(), new AvailabilityChoice(), new DeploymentChoice(),
				new CloudNativeFirstOption(), new RepositorySizing(), new WorkloadShapeSizing(),
				new GitalyTopologyChoice(), new GeoAddOn(), new RecoveryObjectives(), new CloudServicesGuidance());
	}

	public Recommendation recommend(ProspectMetrics metrics) {
		Objects.requireNonNull(metrics, "metrics");
		var sheet = new Worksheet(metrics, data);
		var findings = new ArrayList<RuleFinding>();
		for (SizingRule rule : rules) {
			Optional<SizingRule.Decision> decision = rule.apply(sheet);
			decision.ifPresent(d -> findings.add(new RuleFinding(rule.name(), d.decision(), d.reasons())));
		}
		return new Recommendation(data.edition(), architecture(sheet.size), sheet.deployment, sheet.basis,
				summary(sheet), components(sheet), sheet.gitaly, sheet.addOns, sheet.adjustments, sheet.warnings,
				sheet.alternatives, findings);
	}

	public Edition edition() {
		var sources = data.sources().stream()
				.map(s -> new Edition.Source(s.id(), s.document(), s.location(), s.version()))
				.toList();
		return new Edition(data.edition(), YearMonth.parse(data.asOf()), data.title(), data.dating(), sources);
	}

	public MeasurementGuide measurementGuide() {
		ReferenceData.Prometheus prometheus = data.prometheus();
		var queries = prometheus.queries().stream()
				.map(q -> new MeasurementGuide.Query(q.id(), q.trafficType(),
						MeasurementGuide.Statistic.valueOf(q.statistic()), q.query(), q.purpose(), q.sources()))
				.toList();
		return new MeasurementGuide(data.edition(), prometheus.collectionPeriod(), queries, prometheus.otherMethods(),
				prometheus.transcriptionNote());
	}

	private static Architecture architecture(ReferenceData.Architecture size) {
		var targets = new EnumMap<TrafficType, BigDecimal>(TrafficType.class);
		for (TrafficType type : TrafficType.values()) {
			targets.put(type, size.target(type));
		}
		return new Architecture(size.id(), size.users(), size.loadCategory(), targets, size.highAvailability());
	}

	private static String summary(Worksheet sheet) {
		ReferenceData.Architecture size = sheet.size;
		var summary = new StringBuilder(size.id()).append(" (up to ")
				.append(Words.number(size.target(TrafficType.API))).append(" API RPS or ")
				.append(Words.users(size.users())).append(" users), ");
		summary.append(switch (sheet.deployment) {
			case STANDALONE -> "Linux package, standalone with automated backups";
			case LINUX_PACKAGE_HA -> "Linux package with HA";
			case LINUX_PACKAGE_HA_REDUCED -> "Linux package with HA, with the supported reductions";
			case CLOUD_NATIVE_HYBRID -> size.cloudNativeHybrid().highAvailability() ? "Cloud Native Hybrid with HA"
					: "Cloud Native Hybrid, non-HA";
			case CLOUD_NATIVE_FIRST -> "Cloud Native First";
		});
		summary.append(", ").append(sheet.gitaly.topology().label());
		if (sheet.gitaly.dedicatedMonorepoShard()) {
			summary.append(" plus a Gitaly node for the monorepo");
		}
		sheet.addOns.forEach(addOn -> summary.append(", plus ").append(addOn.name()));
		return summary.toString();
	}

	private static ComponentList components(Worksheet sheet) {
		ReferenceData.Architecture size = sheet.size;
		if (sheet.deployment == DeploymentType.CLOUD_NATIVE_HYBRID) {
			ReferenceData.CloudNativeHybrid hybrid = size.cloudNativeHybrid();
			List<Component> vms = hybrid.backendVms().stream().map(SizingPolicy::component).toList();
			List<NodePool> pools = hybrid.nodePools().stream().map(pool -> nodePool(sheet, hybrid, pool)).toList();
			int nodes = pools.stream().mapToInt(NodePool::nodes).sum();
			BigDecimal vcpu = pools.stream().map(NodePool::vcpu).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal memory = pools.stream().map(NodePool::memoryRequestGb).reduce(BigDecimal.ZERO, BigDecimal::add);
			var notes = new ArrayList<String>();
			notes.add(EXAMPLES_ONLY);
			notes.add("Node pool vCPU and memory are what the GitLab components request; the example node types "
					+ "allow for system overhead on top.");
			if (hybrid.backendVmsNote() != null) {
				notes.add(hybrid.backendVmsNote());
			}
			return new ComponentList(vms, pools, hybrid.externalServices(), notes, totals(vms),
					new Totals(nodes, vcpu, memory));
		}
		List<Component> vms = size.linuxPackage().components().stream().map(SizingPolicy::component).toList();
		return new ComponentList(vms, List.of(), size.linuxPackage().externalServices(), List.of(EXAMPLES_ONLY),
				totals(vms), Totals.NONE);
	}

	private static Component component(ReferenceData.Vm vm) {
		return new Component(vm.role(), vm.name(), vm.nodes(), vm.nodesAtLeast(), vm.vcpu(), vm.memoryGb(),
				machineTypes(vm.machineTypes()), vm.note());
	}

	private static NodePool nodePool(Worksheet sheet, ReferenceData.CloudNativeHybrid hybrid,
			ReferenceData.Pool pool) {
		ReferenceData.HybridRules rules = sheet.rules.cloudNativeHybrid();
		String note = switch (pool.role()) {
			case "webservice" -> "at least " + hybrid.webservicePodsAtLeast() + " Webservice pods (about "
					+ hybrid.pumaWorkersApprox() + " Puma workers), each " + pods(rules.webservicePod());
			case "sidekiq" -> hybrid.sidekiqWorkers() + " Sidekiq workers, each " + pods(rules.sidekiqWorker());
			default -> null;
		};
		return new NodePool(pool.role(), pool.name(), pool.nodes(), pool.vcpu(), pool.memoryRequestGb(),
				pool.memoryLimitGb(), machineTypes(pool.machineTypes()), note);
	}

	private static String pods(ReferenceData.PodSpec spec) {
		return (spec.pumaWorkers() == null ? "" : spec.pumaWorkers() + " Puma workers, ") + Words.number(spec.vcpu())
				+ " vCPU, " + Words.number(spec.memoryRequestGb()) + " GB request / "
				+ Words.number(spec.memoryLimitGb()) + " GB limit";
	}

	private static MachineTypes machineTypes(ReferenceData.MachineTypes types) {
		return types == null ? MachineTypes.NONE : new MachineTypes(types.gcp(), types.aws(), types.azure());
	}

	private static Totals totals(List<Component> vms) {
		int nodes = vms.stream().mapToInt(Component::nodes).sum();
		BigDecimal vcpu = vms.stream().map(Component::totalVcpu).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal memory = vms.stream().map(Component::totalMemoryGb).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Totals(nodes, vcpu, memory);
	}
}
