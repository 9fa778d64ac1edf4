package dev.baton.governance;

import dev.baton.identity.Role;

/**
 * The two approvals an on-site request needs, each given in one capacity by a person holding its role.
 */
enum Approver {

	SA_MANAGER(Role.SA_MANAGER, "SA manager"),
	ASM(Role.ASM, "Area Sales Manager");

	private final Role role;
	private final String label;

	Approver(Role role, String label) {
		this.role = role;
		this.label = label;
	}

	Role role() {
		return role;
	}

	String label() {
		return label;
	}
}
