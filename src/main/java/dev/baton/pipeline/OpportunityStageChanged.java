package dev.baton.pipeline;

import java.time.Instant;
import java.util.UUID;

import dev.baton.organisation.Segment;

/**
 * An opportunity reached a stage: created in it ({@code previous} null) or moved to it by the CRM.
 */
public record OpportunityStageChanged(UUID opportunityId, String externalId, UUID accountId, UUID ownerId,
		Segment segment, Stage previous, Stage stage, Instant at) {
}
