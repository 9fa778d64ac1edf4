package dev.baton.rituals;

import dev.baton.platform.Rule;

/**
 * The ritual rules a refusal names.
 */
public enum RitualRule implements Rule {

	/** The circle's manager or an administrator plans its rituals by hand. */
	@Rule.Id("rituals.planner")
	PLANNER,
	/** A member, the manager or an administrator issues the circle's calendar feed. */
	@Rule.Id("rituals.feed-issuer")
	FEED_ISSUER;
}
