package dev.baton.engagement;

import java.util.UUID;

/**
 * The circle found the command plan incomplete and asked the AE; the clocks are paused.
 */
public record SaRequestNeedsInformation(UUID requestId, UUID requesterId, UUID circleId, String title,
		String questions, UUID askedById) {
}
