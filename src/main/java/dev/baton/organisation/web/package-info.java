/**
 * The organisation's API (read by staff, set up by administrators), the absences API, and the
 * administration pages for boards, people and circles.
 */
package dev.baton.organisation.web;
