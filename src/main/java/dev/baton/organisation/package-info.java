/**
 * The go-to-market organisation: regions, triage boards with their business calendars, circles
 * of solutions architects and the account executives they serve, the people with their
 * seniority, segment and skills, and their absences (PTO and sick days). Administrators set it up
 * through the API; see docs/organisation.md.
 * <p>
 * The base package is the API: the records, the services by capability ({@link
 * dev.baton.organisation.Regions}, {@link dev.baton.organisation.Boards}, {@link
 * dev.baton.organisation.People}, {@link dev.baton.organisation.Circles}, {@link
 * dev.baton.organisation.Absences}), the {@link dev.baton.organisation.Organisation} facade other
 * modules read through, and {@link dev.baton.organisation.CallContexts}. {@code domain} holds the
 * rules, {@code jdbc} the repositories, {@code web} the API and admin pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation",
		allowedDependencies = { "identity", "audit", "platform" })
package dev.baton.organisation;
