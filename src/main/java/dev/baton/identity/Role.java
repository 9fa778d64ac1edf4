package dev.baton.identity;

/**
 * The roles of Baton's users; a user may hold several.
 */
public enum Role {

	/** Account Executive: owns opportunities, files SA requests. */
	AE,
	/** Solutions Architect: member of one circle, triages and takes requests. */
	SA,
	/** SA Manager: sees circle load and SLAs, second reviewer, approves on-site and pooled requests. */
	SA_MANAGER,
	/** Area Sales Manager: approves on-site, pooled and first-year-expand requests. */
	ASM,
	/** Customer Success Manager or Technical Account Manager: receives the post-sales hand-off. */
	CSM,
	/** Deal desk: quotes and orders. */
	DEAL_DESK,
	/** Finance: invoices and revenue reports. */
	FINANCE,
	/** Channel partner: orders for its own end customers only. */
	PARTNER,
	/** Customer: buys, renews, downloads licenses, sees invoices. */
	CUSTOMER,
	/** Administrator: boards, circles, calendars, SLA policies, catalog, users and roles. */
	ADMIN;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Whether the role belongs to the vendor's own staff (not a partner or customer). */
	public boolean isInternal() {
		return this != PARTNER && this != CUSTOMER;
	}
}
