/**
 * Outbound webhooks: other systems (the CRM, finance, a data warehouse) register endpoints and the
 * event types they want; every purchasing event is delivered to each, after the change commits,
 * signed in the Standard Webhooks format, retried with backoff, logged, and replayable. One slow or
 * dead endpoint never delays the others. The event catalogue (types and a JSON schema for each)
 * is published at {@code GET /api/v1/webhooks/event-types}. See docs/webhooks.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "ordering", "subscription", "catalog", "licensing", "billing", "pipeline", "usage",
				"identity", "audit", "platform" })
package dev.baton.webhooks;
