package dev.baton.engagement;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock of a request needs attention: triage due soon, triage overdue, or the SLA breached.
 * Raised once per request and kind, whatever the number of instances running.
 */
public record SaRequestClockAlert(UUID requestId, UUID circleId, UUID assigneeId, String title, Kind kind,
		Instant dueAt) {

	/** Which clock, and how late. */
	public enum Kind {
		TRIAGE_DUE_SOON, TRIAGE_OVERDUE, SLA_BREACHED
	}
}
