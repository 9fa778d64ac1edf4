package dev.baton.engagement.domain;

import java.util.Set;

import dev.baton.identity.Role;

/**
 * Approvals a segment needs before the circle may take a request.
 */
public enum ApprovalGate {

	/** No approval needed. */
	NONE(Set.of()),
	/** SMB First Year Expand: an ASM reviews first; otherwise the customer goes to CSM/CSE. */
	ASM_REVIEW(Set.of(Role.ASM)),
	/** SMB Pooled: both the ASM and the SA Manager approve. */
	ASM_AND_SA_MANAGER(Set.of(Role.ASM, Role.SA_MANAGER));

	private final Set<Role> approvers;

	ApprovalGate(Set<Role> approvers) {
		this.approvers = approvers;
	}

	/** The roles that must each approve. */
	public Set<Role> approvers() {
		return approvers;
	}
}
