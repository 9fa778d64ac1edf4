/**
 * Accounts and opportunities in PostgreSQL: one repository per aggregate, one row mapper per
 * table; the command plan is a JSON document.
 */
package dev.baton.pipeline.jdbc;
