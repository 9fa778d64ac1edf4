package dev.baton.engagement;

/**
 * What a reviewer says of a request's command plan.
 */
public enum ReviewVerdict {
	APPROVE, CONCERNS
}
