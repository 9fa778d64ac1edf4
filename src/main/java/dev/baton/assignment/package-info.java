/**
 * Assignment: explainable recommendations of who in a circle should take an SA request, and the
 * circle's capacity picture. Recommendations run in two stages of named policies, filters that
 * exclude with a reason and weighted scorers that rank with reasons; they never assign by
 * themselves (assigning stays with engagement's triage rules). See docs/assignment.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assignment")
package dev.baton.assignment;
