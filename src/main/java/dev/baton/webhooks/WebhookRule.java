package dev.baton.webhooks;

import dev.baton.platform.Rule;

/**
 * The rules a webhook endpoint keeps, by stable identifier.
 */
public enum WebhookRule implements Rule {
	/** An endpoint is an absolute http or https URL, without credentials in it. */
	@Rule.Id(value = "webhook.url", field = "url")
	URL,
	/** An endpoint subscribes to at least one event type of the catalogue, each known. */
	@Rule.Id(value = "webhook.event-types", field = "eventTypes")
	EVENT_TYPES,
	/** A delivery is replayed once it is settled (delivered or given up), not while it is being tried. */
	@Rule.Id("webhook.replay")
	REPLAY;
}
