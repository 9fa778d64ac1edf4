/**
 * Circle rituals: demo jams with presenters drawn at random, peer reviews of the circle's largest
 * open deals and the quarterly win/loss retro, planned ahead on the board's business calendar by
 * a cluster-wide hourly job, and each circle's iCalendar feed behind a secret address.
 * <p>
 * The API is {@link dev.baton.rituals.Rituals} and {@link dev.baton.rituals.CalendarFeeds}; the
 * rules are policies in {@code domain}, the SQL in {@code jdbc}, the API and the page in
 * {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rituals",
		allowedDependencies = { "pipeline", "organisation", "identity", "audit", "platform" })
package dev.baton.rituals;
