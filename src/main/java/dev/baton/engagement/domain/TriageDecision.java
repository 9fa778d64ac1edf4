package dev.baton.engagement.domain;

import java.util.List;

/**
 * Whether the triage rules allow an assignment, and if not, every rule that stands in the way.
 */
public record TriageDecision(boolean allowed, List<Violation> violations) {

	public TriageDecision {
		violations = List.copyOf(violations);
	}

	/** A rule that is not met, by its stable name, in words. */
	public record Violation(String rule, String message) {
	}
}
