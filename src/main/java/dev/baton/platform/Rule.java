package dev.baton.platform;

/**
 * A business rule a policy decides by, with a stable identifier ({@code triage.second-review})
 * that API clients, pages and metrics key on. Each module declares its rules as an enum.
 */
public interface Rule {

	/** The stable identifier: lower case, dot-separated, never reused for another rule. */
	String id();

	/** The request field the rule is about, for a Problem Detail's field errors; null when none. */
	default String field() {
		return null;
	}
}
