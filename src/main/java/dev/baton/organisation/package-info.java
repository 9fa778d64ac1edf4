/**
 * The go-to-market organisation: regions, triage boards with their business calendars, circles
 * of solutions architects and the account executives they serve, the people with their
 * seniority, segment and skills, and their absences (PTO and sick days). Administrators set it up
 * through the API; see docs/organisation.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package dev.baton.organisation;
