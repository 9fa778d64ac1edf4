package dev.baton.engagement;

import java.util.UUID;

/**
 * The circle declined a request, with the reason the AE gets.
 */
public record SaRequestDeclined(UUID requestId, UUID requesterId, UUID circleId, String title, String reason,
		UUID declinedById) {
}
