package dev.baton.rituals;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The rituals module's problem types; a refused planner or feed issuer is platform's
 * {@link ProblemType#NOT_PERMITTED}.
 */
public final class RitualProblems {

	public static final ProblemType FEED_UNKNOWN = ProblemType.of("calendar-feed-unknown", HttpStatus.NOT_FOUND,
			"No such calendar feed", "The feed address is unknown or was replaced by a newer one.");

	private RitualProblems() {
	}
}
