package dev.baton.organisation;

import dev.baton.platform.Rule;

/** The organisation's rules that a policy decides by, with their stable identifiers. */
public enum OrganisationRule implements Rule {

	/** Administrators, the person themselves and their SA manager (direct or of their circle) manage absences. */
	@Rule.Id("organisation.absence.manage")
	ABSENCE_MANAGED_BY_SELF_MANAGER_OR_ADMIN;
}
