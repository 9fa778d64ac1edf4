package dev.baton.onsite;

import java.util.UUID;

/**
 * An SA manager or ASM rejected an on-site request, with the reason.
 */
public record OnsiteRequestRejected(UUID requestId, UUID opportunityId, String opportunityName, UUID requesterId,
		UUID rejectedById, String reason) {
}
