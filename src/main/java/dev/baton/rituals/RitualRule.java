package dev.baton.rituals;

import dev.baton.platform.Rule;

/**
 * The ritual rules a refusal names.
 */
public enum RitualRule implements Rule {

	/** The circle's manager or an administrator plans its rituals by hand. */
	PLANNER("rituals.planner"),
	/** A member, the manager or an administrator issues the circle's calendar feed. */
	FEED_ISSUER("rituals.feed-issuer");

	private final String id;

	RitualRule(String id) {
		this.id = id;
	}

	@Override
	public String id() {
		return id;
	}
}
