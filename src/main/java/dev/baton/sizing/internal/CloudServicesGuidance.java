package dev.baton.sizing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.Recommendation.Reason;
import dev.baton.sizing.TrafficType;
import dev.baton.sizing.internal.ReferenceData.CloudServices;

/**
 * Says which managed PostgreSQL and Redis services the docs recommend or rule out on the
 * prospect's cloud, for architectures with a separate database.
 */
final class CloudServicesGuidance implements SizingRule {

	static final String NAME = "Managed cloud services";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<Decision> apply(Worksheet sheet) {
		CloudProvider provider = sheet.metrics.hosting().cloudProvider();
		CloudServices services = sheet.rules.cloudServices();
		List<ReferenceData.Cited> byProvider = services.byProvider().get(provider.name());
		// the single-node 1k runs its own database, so there is nothing to move to PaaS
		if (byProvider == null || sheet.size == sheet.data.smallest()) {
			return Optional.empty();
		}
		var reasons = new ArrayList<Reason>();
		byProvider.forEach(statement -> reasons.add(Words.cited(statement)));
		if (provider == CloudProvider.GCP
				&& sheet.size.target(TrafficType.API).compareTo(services.cloudSqlEnterprisePlusFromRps()) >= 0) {
			reasons.add(Words.because(sheet.size.id() + " targets " + Words.number(sheet.size.target(TrafficType.API))
					+ " API RPS. " + services.cloudSqlEnterprisePlus().text(), services.cloudSqlEnterprisePlus()));
		}
		reasons.add(Words.cited(services.redis()));
		reasons.add(Words.cited(services.paas()));
		return Optional.of(new Decision("managed services on " + provider.name(), reasons));
	}
}
