/**
 * Tells people what happens to SA requests (announcements in the circle's chat channel, e-mail,
 * and each person's in-app inbox, decided from the engagement events), to on-site requests, to
 * their customers' renewals, and the owner AE about licensing's up-sell signals.
 * <p>
 * Listeners run after the engagement transaction commits (the event publication registry is the
 * outbox). Each writes the inbox entries and one delivery row per chat or e-mail message in its own
 * transaction, keyed so that a redelivered event adds nothing, then sends at once; a failed send
 * stays in {@code notification_delivery} and is retried with backoff by any instance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "engagement", "onsite", "licensing", "usage", "subscription", "ordering", "pipeline", "organisation", "identity", "audit", "platform" })
package dev.baton.notification;
