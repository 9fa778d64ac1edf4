package dev.baton.onsite;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Both the SA manager and the ASM approved an on-site request; {@code csmId} is the CSM aligned
 * to the account, if any, who is to be included.
 */
public record OnsiteRequestApproved(UUID requestId, UUID opportunityId, String opportunityName, UUID requesterId,
		UUID saManagerId, UUID asmId, UUID csmId, List<UUID> attendeeIds, List<LocalDate> proposedDates,
		String estimatedCost) {

	public OnsiteRequestApproved {
		attendeeIds = List.copyOf(attendeeIds);
		proposedDates = List.copyOf(proposedDates);
	}
}
