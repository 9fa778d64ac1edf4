package dev.baton.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint that receives the events it subscribed to. Its signing secret is shown only when it is
 * created or rotated ({@link Registered}).
 */
public record WebhookEndpoint(WebhookEndpointId id, String url, String description, List<String> eventTypes,
		boolean enabled, String createdBy, Instant createdAt) {

	public WebhookEndpoint {
		eventTypes = List.copyOf(eventTypes);
	}

	/** An endpoint as registered or rotated, with the secret it is signed with, shown this once. */
	public record Registered(WebhookEndpoint endpoint, String secret) {
	}
}
