package dev.baton.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.baton.subscription.SubscriptionId;

/**
 * A seat report as received: verified (and counted) or refused (kept for review, never counted),
 * with the rule and reason when refused.
 *
 * @param featuresDenied how often users reached for features the plan lacks, by feature (empty when
 *        the report names none)
 */
public record SeatReport(SeatReportId id, Status status, String rule, String reason, String channel,
		String receivedBy, SubscriptionId subscriptionId, LicenseId licenseId, InstanceId instanceId,
		LocalDate periodStart, LocalDate periodEnd, Integer activeUsers, Integer maxBillableUsers, Instant receivedAt,
		Map<String, Integer> featuresDenied) {

	public SeatReport {
		featuresDenied = featuresDenied == null ? Map.of() : Map.copyOf(featuresDenied);
	}

	public enum Status {
		VERIFIED, REFUSED
	}
}
