/**
 * Assignment: explainable recommendations of who in a circle should take an SA request, and the
 * circle's capacity picture. Recommendations run in two stages of named policies, filters that
 * exclude with a reason and weighted scorers that rank with reasons; they never assign by
 * themselves (assigning stays with engagement's triage rules). See docs/assignment.md.
 * <p>
 * The base package holds the service ({@link dev.baton.assignment.Assignments}), its settings,
 * rules and problems; {@code domain} the filters, scorers, capacity and coverage policies and the
 * recommender, free of Spring; {@code web} the API and the pages. It keeps no tables of its own,
 * so it has no {@code jdbc} package: what it reads comes through the other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assignment",
		allowedDependencies = { "engagement", "pipeline", "organisation", "identity", "platform" })
package dev.baton.assignment;
