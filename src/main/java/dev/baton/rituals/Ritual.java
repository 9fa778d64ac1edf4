package dev.baton.rituals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One occurrence of a circle ritual: its day and start, the demo jam's presenters or the peer
 * review's opportunities.
 */
public record Ritual(UUID id, UUID circleId, RitualKind kind, LocalDate day, Instant startsAt, int minutes,
		List<UUID> presenterIds, List<UUID> opportunityIds) {

	public Ritual {
		presenterIds = List.copyOf(presenterIds);
		opportunityIds = List.copyOf(opportunityIds);
	}
}
