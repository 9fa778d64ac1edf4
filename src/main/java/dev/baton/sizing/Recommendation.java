package dev.baton.sizing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recommended reference architecture with everything that decided it, in plain words that cite
 * the data edition's sources.
 *
 * @param edition the id of the data edition the recommendation was made from
 * @param architecture the recommended size, with its published targets
 * @param deployment how to deploy it
 * @param basis what the size was decided by
 * @param summary one line for people, such as {@code 10k, Linux package with HA, Gitaly Cluster (Praefect)}
 * @param components the published components of that size and deployment, with totals
 * @param gitaly the Gitaly topology and why
 * @param addOns additions such as Geo
 * @param adjustments changes to the published components that the prospect's workload calls for
 * @param warnings what the prospect should know before relying on the recommendation
 * @param alternatives other documented options worth showing, such as Cloud Native First
 * @param rules every rule that fired, in order, with its reasons
 */
public record Recommendation(String edition, Architecture architecture, DeploymentType deployment, SizingBasis basis,
		String summary, ComponentList components, GitalyPlan gitaly, List<AddOn> addOns, List<Adjustment> adjustments,
		List<Reason> warnings, List<Alternative> alternatives, List<RuleFinding> rules) {

	public Recommendation {
		Objects.requireNonNull(edition, "edition");
		Objects.requireNonNull(architecture, "architecture");
		Objects.requireNonNull(deployment, "deployment");
		Objects.requireNonNull(basis, "basis");
		Objects.requireNonNull(summary, "summary");
		Objects.requireNonNull(components, "components");
		Objects.requireNonNull(gitaly, "gitaly");
		addOns = List.copyOf(addOns);
		adjustments = List.copyOf(adjustments);
		warnings = List.copyOf(warnings);
		alternatives = List.copyOf(alternatives);
		rules = List.copyOf(rules);
	}

	/** The finding of the named rule, if it fired. */
	public Optional<RuleFinding> rule(String name) {
		return rules.stream().filter(r -> r.rule().equals(name)).findFirst();
	}

	/**
	 * A published reference architecture size.
	 *
	 * @param id the size's name, such as {@code 10k}
	 * @param users the user count it is named for
	 * @param loadCategory the older category name, such as {@code X Large}
	 * @param targetRps the peak requests per second it is tested at, per traffic type
	 * @param highAvailability whether HA is built in
	 */
	public record Architecture(String id, int users, String loadCategory, Map<TrafficType, BigDecimal> targetRps,
			boolean highAvailability) {

		public Architecture {
			Objects.requireNonNull(id, "id");
			targetRps = Map.copyOf(targetRps);
		}
	}

	/** How the architecture is deployed. */
	public enum DeploymentType {

		STANDALONE("Linux package, standalone (non-HA) with automated backups"),
		LINUX_PACKAGE_HA("Linux package with HA"),
		LINUX_PACKAGE_HA_REDUCED("Linux package with HA: the 3k architecture with the supported reductions"),
		CLOUD_NATIVE_HYBRID("Cloud Native Hybrid: stateless components on Kubernetes, stateful ones on VMs"),
		CLOUD_NATIVE_FIRST("Cloud Native First (Beta): everything on Kubernetes");

		private final String label;

		DeploymentType(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** What decided the size. */
	public enum SizingBasis {
		/** The largest architecture any traffic type's peak needs. */
		PEAK_RPS,
		/** The sustained (p95) architecture, the peak being within the built-in headroom. */
		SUSTAINED_RPS,
		/** The user count, no request rate being known. */
		USER_COUNT
	}

	/**
	 * The published components for the recommended size and deployment.
	 *
	 * @param virtualMachines the VM rows (for Cloud Native Hybrid: the backend VMs)
	 * @param kubernetesNodePools the Kubernetes node pools (Cloud Native Hybrid only)
	 * @param externalServices services outside these rows, such as object storage
	 * @param notes what the docs say about the list as a whole
	 * @param virtualMachineTotals nodes, vCPU and memory over the VM rows
	 * @param kubernetesTotals nodes over the pools, with the vCPU and memory requests of the GitLab
	 *        components on them (the example node types allow for system overhead on top)
	 */
	public record ComponentList(List<Component> virtualMachines, List<NodePool> kubernetesNodePools,
			List<String> externalServices, List<String> notes, Totals virtualMachineTotals, Totals kubernetesTotals) {

		public ComponentList {
			virtualMachines = List.copyOf(virtualMachines);
			kubernetesNodePools = List.copyOf(kubernetesNodePools);
			externalServices = List.copyOf(externalServices);
			notes = List.copyOf(notes);
			Objects.requireNonNull(virtualMachineTotals, "virtualMachineTotals");
			Objects.requireNonNull(kubernetesTotals, "kubernetesTotals");
		}
	}

	/**
	 * One row of VMs.
	 *
	 * @param role a stable id of the component ({@code gitaly}, {@code rails})
	 * @param name the component's published name
	 * @param nodes how many nodes
	 * @param nodesAtLeast whether the docs say or more ({@code 1+})
	 * @param vcpu vCPU per node
	 * @param memoryGb memory per node, GB
	 * @param machineTypes example machine types; examples only, not requirements
	 * @param note what the docs add, such as a quirk kept as published
	 */
	public record Component(String role, String name, int nodes, boolean nodesAtLeast, BigDecimal vcpu,
			BigDecimal memoryGb, MachineTypes machineTypes, String note) {

		public Component {
			Objects.requireNonNull(role, "role");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(vcpu, "vcpu");
			Objects.requireNonNull(memoryGb, "memoryGb");
			machineTypes = machineTypes == null ? MachineTypes.NONE : machineTypes;
		}

		public BigDecimal totalVcpu() {
			return vcpu.multiply(BigDecimal.valueOf(nodes));
		}

		public BigDecimal totalMemoryGb() {
			return memoryGb.multiply(BigDecimal.valueOf(nodes));
		}
	}

	/**
	 * One Kubernetes node pool of a Cloud Native Hybrid architecture.
	 *
	 * @param role a stable id ({@code webservice}, {@code sidekiq}, {@code supporting})
	 * @param name the pool's published name
	 * @param nodes how many nodes of the example type
	 * @param vcpu the vCPU the GitLab components in the pool request, in total
	 * @param memoryRequestGb the memory they request, in total
	 * @param memoryLimitGb their memory limit in total, {@code null} when not published
	 * @param machineTypes example node types (GCP and AWS only)
	 * @param note pods and workers in the pool
	 */
	public record NodePool(String role, String name, int nodes, BigDecimal vcpu, BigDecimal memoryRequestGb,
			BigDecimal memoryLimitGb, MachineTypes machineTypes, String note) {

		public NodePool {
			Objects.requireNonNull(role, "role");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(vcpu, "vcpu");
			Objects.requireNonNull(memoryRequestGb, "memoryRequestGb");
			machineTypes = machineTypes == null ? MachineTypes.NONE : machineTypes;
		}
	}

	/** Example machine types per cloud; {@code null} where the docs give none. */
	public record MachineTypes(String gcp, String aws, String azure) {

		public static final MachineTypes NONE = new MachineTypes(null, null, null);
	}

	/** Nodes, vCPU and memory added up over a list of rows. */
	public record Totals(int nodes, BigDecimal vcpu, BigDecimal memoryGb) {

		public static final Totals NONE = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO);

		public Totals {
			Objects.requireNonNull(vcpu, "vcpu");
			Objects.requireNonNull(memoryGb, "memoryGb");
		}
	}

	/**
	 * Which Gitaly topology to run and why.
	 *
	 * @param topology the topology for the repositories in general
	 * @param dedicatedMonorepoShard whether to put the monorepo(s) on a Gitaly node of their own
	 * @param reasons why this topology
	 * @param caveats what comes with it
	 */
	public record GitalyPlan(GitalyTopology topology, boolean dedicatedMonorepoShard, List<Reason> reasons,
			List<Reason> caveats) {

		public GitalyPlan {
			Objects.requireNonNull(topology, "topology");
			reasons = List.copyOf(reasons);
			caveats = List.copyOf(caveats);
		}
	}

	/** How Git repositories are stored and served. */
	public enum GitalyTopology {

		SINGLE_NODE("A single Gitaly node"),
		CLUSTER_PRAEFECT("Gitaly Cluster (Praefect)"),
		SHARDED("Sharded Gitaly");

		private final String label;

		GitalyTopology(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Something to add to the architecture, such as Geo. */
	public record AddOn(String name, List<Reason> reasons) {

		public AddOn {
			Objects.requireNonNull(name, "name");
			reasons = List.copyOf(reasons);
		}
	}

	/**
	 * A change to the published components.
	 *
	 * @param target what to change ({@code Gitaly}, {@code 3k architecture})
	 * @param change the change, with figures computed from the published specs where they apply
	 * @param reason why
	 */
	public record Adjustment(String target, String change, Reason reason) {

		public Adjustment {
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(change, "change");
			Objects.requireNonNull(reason, "reason");
		}
	}

	/**
	 * Another documented option, shown beside the recommendation rather than instead of it.
	 *
	 * @param deployment its deployment type
	 * @param size its size name
	 * @param specification its published components, one line each
	 * @param reasons why it is shown
	 * @param warnings what stands against it
	 */
	public record Alternative(DeploymentType deployment, String size, List<String> specification, List<Reason> reasons,
			List<Reason> warnings) {

		public Alternative {
			Objects.requireNonNull(deployment, "deployment");
			Objects.requireNonNull(size, "size");
			specification = List.copyOf(specification);
			reasons = List.copyOf(reasons);
			warnings = List.copyOf(warnings);
		}
	}

	/**
	 * A reason in plain words and the ids of the data edition's sources it rests on.
	 */
	public record Reason(String text, List<String> sources) {

		public Reason {
			Objects.requireNonNull(text, "text");
			sources = List.copyOf(sources);
		}

		/** The text followed by its sources, such as {@code ... fits [S1]}. */
		public String cited() {
			return sources.isEmpty() ? text : text + " [" + String.join(", ", sources) + "]";
		}

		@Override
		public String toString() {
			return cited();
		}
	}

	/**
	 * What one rule decided and why.
	 *
	 * @param rule the rule's name
	 * @param decision what it decided, in a few words
	 * @param reasons why
	 */
	public record RuleFinding(String rule, String decision, List<Reason> reasons) {

		public RuleFinding {
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(decision, "decision");
			reasons = List.copyOf(reasons);
		}
	}
}
