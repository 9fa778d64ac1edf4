package dev.baton.sizing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.baton.sizing.Recommendation.Adjustment;
import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.internal.ReferenceData.Pool;
import dev.baton.sizing.internal.ReferenceData.Vm;

/**
 * Writes a documented multiplier as a concrete change to the recommended components, with the
 * figures worked out from the published specs so nobody has to do the sums in a meeting.
 */
final class ComponentScaling {

	private static final Map<String, String> LABELS = Map.of("rails", "GitLab Rails", "gitaly", "Gitaly", "sidekiq",
			"Sidekiq", "postgresql", "PostgreSQL");

	// on the hybrid, Rails and Sidekiq run in these node pools rather than on VMs
	private static final Map<String, String> HYBRID_POOLS = Map.of("rails", "webservice", "sidekiq", "sidekiq");

	private ComponentScaling() {
	}

	static Adjustment scale(Worksheet sheet, String role, List<BigDecimal> factors, Reason reason) {
		BigDecimal min = factors.get(0);
		BigDecimal max = factors.get(factors.size() - 1);
		String factor = Words.factors(factors);
		if (sheet.deployment == DeploymentType.CLOUD_NATIVE_HYBRID) {
			String poolRole = HYBRID_POOLS.get(role);
			if (poolRole != null) {
				Optional<Pool> pool = sheet.size.cloudNativeHybrid().nodePools().stream()
						.filter(p -> p.role().equals(poolRole)).findFirst();
				if (pool.isPresent()) {
					return scaled(pool.get(), factor, min, max, reason);
				}
			}
			Optional<Vm> backend = find(sheet.size.cloudNativeHybrid().backendVms(), role);
			if (backend.isPresent()) {
				return scaled(backend.get(), factor, min, max, reason);
			}
		}
		else {
			Optional<Vm> vm = find(sheet.size.linuxPackage().components(), role);
			if (vm.isPresent()) {
				return scaled(vm.get(), factor, min, max, reason);
			}
		}
		String label = LABELS.getOrDefault(role, role);
		return new Adjustment(label + " (on the single " + sheet.size.id() + " node)",
				factor + " " + label + " resources; the " + sheet.size.id() + " has no separate " + label + " node", reason);
	}

	private static Optional<Vm> find(List<Vm> vms, String role) {
		return vms.stream().filter(vm -> vm.role().equals(role)).findFirst();
	}

	private static Adjustment scaled(Vm vm, String factor, BigDecimal min, BigDecimal max, Reason reason) {
		return new Adjustment(vm.name(),
				factor + " specifications: from " + vm.nodes() + " x " + Words.number(vm.vcpu()) + " vCPU, "
						+ Words.number(vm.memoryGb()) + " GB to " + range(vm.vcpu(), min, max) + " vCPU, "
						+ range(vm.memoryGb(), min, max) + " GB per node",
				reason);
	}

	private static Adjustment scaled(Pool pool, String factor, BigDecimal min, BigDecimal max, Reason reason) {
		return new Adjustment(pool.name() + " node pool",
				factor + " resources: from " + Words.number(pool.vcpu()) + " vCPU, " + Words.number(pool.memoryRequestGb())
						+ " GB requested to " + range(pool.vcpu(), min, max) + " vCPU, "
						+ range(pool.memoryRequestGb(), min, max) + " GB in total",
				reason);
	}

	private static String range(BigDecimal value, BigDecimal min, BigDecimal max) {
		return Words.number(value.multiply(min)) + "-" + Words.number(value.multiply(max));
	}
}
