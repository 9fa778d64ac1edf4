package dev.baton.engagement;

import java.time.Instant;
import java.util.UUID;

/**
 * The AE answered the circle's questions; the clocks run again with their new due times.
 */
public record SaRequestInformationProvided(UUID requestId, UUID requesterId, UUID circleId, String title,
		Instant triageDueAt, Instant slaDueAt) {
}
