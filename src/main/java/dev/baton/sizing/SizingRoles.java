package dev.baton.sizing;

/**
 * Who may use sizing: the vendor's staff read and calculate; SAs, their managers and
 * administrators save recommendations against opportunities.
 */
final class SizingRoles {

	static final String STAFF = "hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')";
	static final String SAVERS = "hasAnyRole('SA','SA_MANAGER','ADMIN')";

	private SizingRoles() {
	}
}
