package dev.baton.postsales;

import java.time.Instant;
import java.util.UUID;

/** The CSM of an account, and who aligned them when. */
public record CsmAlignment(UUID accountId, UUID csmId, String csmName, String alignedBy, Instant alignedAt) {
}
