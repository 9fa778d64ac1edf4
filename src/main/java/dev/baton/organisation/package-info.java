/**
 * The go-to-market organisation: regions, triage boards with their business calendars, circles
 * of solutions architects and the account executives they serve, and the people with their
 * seniority, segment and skills.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package dev.baton.organisation;
