package dev.baton.engagement.domain;

import dev.baton.engagement.EngagementRule;

/**
 * A rule's finding on a request, shown with the rule's name so people can see why.
 *
 * @param rule the rule that speaks, e.g. {@code segment.engagement-stage}
 * @param level whether it merely informs or warns
 * @param message what it found, in words
 */
public record Advisory(String rule, Level level, String message) {

	/** How much attention it needs. */
	public enum Level {
		INFO, WARNING
	}

	public static Advisory info(EngagementRule rule, String message) {
		return new Advisory(rule.id(), Level.INFO, message);
	}

	public static Advisory warning(EngagementRule rule, String message) {
		return new Advisory(rule.id(), Level.WARNING, message);
	}
}
