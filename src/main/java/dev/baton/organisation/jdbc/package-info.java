/**
 * The organisation in PostgreSQL: one repository per aggregate (regions, boards with their
 * holidays, people with their skills, circles with their members and served AEs, absences), one
 * row mapper per table. Reads by id, member or served AE are single targeted statements.
 */
package dev.baton.organisation.jdbc;
