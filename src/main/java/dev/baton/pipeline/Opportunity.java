package dev.baton.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.baton.organisation.Segment;
import dev.baton.platform.Money;

/**
 * A deal in the pipeline, owned by an AE, keyed by the CRM's id.
 */
public record Opportunity(UUID id, String externalId, UUID accountId, String name, UUID ownerId, Segment segment,
		String businessUnit, String regionKey, Stage stage, Money netArr, LocalDate closeDate,
		SubscriptionType subscriptionType, String forecastCategory, CommandPlan commandPlan, int version,
		Instant createdAt, Instant updatedAt) {
}
