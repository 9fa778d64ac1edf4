package dev.baton.onsite;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An on-site request was filed and awaits approval. {@code saManagerId} (the manager of the
 * requester's circle, or of the circle serving the AE) and {@code asmId} (the owner AE's manager)
 * are the expected approvers, when known; anyone with the role may approve.
 */
public record OnsiteRequestFiled(UUID requestId, UUID opportunityId, String opportunityName, UUID requesterId,
		UUID saManagerId, UUID asmId, List<LocalDate> proposedDates, String estimatedCost) {

	public OnsiteRequestFiled {
		proposedDates = List.copyOf(proposedDates);
	}
}
