package dev.baton.engagement;

/**
 * What an ASM or SA Manager decides on a request its segment gates.
 */
public enum ApprovalDecision {
	APPROVE, REJECT
}
