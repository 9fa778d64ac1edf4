package dev.baton.onsite;

import dev.baton.identity.Role;

/**
 * The two approvals an on-site request needs, each given in one capacity by a person holding its role.
 */
public enum Approver {

	SA_MANAGER(Role.SA_MANAGER, "SA manager"),
	ASM(Role.ASM, "Area Sales Manager");

	/** The other of the two approvals. */
	public Approver other() {
		return this == SA_MANAGER ? ASM : SA_MANAGER;
	}

	private final Role role;
	private final String label;

	Approver(Role role, String label) {
		this.role = role;
		this.label = label;
	}

	public Role role() {
		return role;
	}

	public String label() {
		return label;
	}
}
