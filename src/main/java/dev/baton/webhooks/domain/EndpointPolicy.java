package dev.baton.webhooks.domain;

import java.net.URI;
import java.util.Collection;

import dev.baton.platform.Decision;
import dev.baton.webhooks.EventType;
import dev.baton.webhooks.WebhookRule;

/**
 * What an endpoint must be: an absolute http(s) URL without credentials, subscribed to known
 * event types.
 */
public final class EndpointPolicy {

	private EndpointPolicy() {
	}

	public static Decision endpoint(String url, Collection<String> eventTypes) {
		return Decision.check()
				.refuseIf(!validUrl(url), WebhookRule.URL,
						() -> "The endpoint is an absolute http or https URL without a user or password in it, not "
								+ (url == null || url.isBlank() ? "nothing" : "'" + url.strip() + "'"))
				.refuseIf(eventTypes == null || eventTypes.isEmpty(), WebhookRule.EVENT_TYPES,
						() -> "An endpoint subscribes to at least one event type")
				.refuseIf(eventTypes != null && eventTypes.stream().anyMatch(t -> EventType.of(t).isEmpty()),
						WebhookRule.EVENT_TYPES, () -> "Unknown event types "
								+ eventTypes.stream().filter(t -> EventType.of(t).isEmpty()).toList()
								+ "; GET /api/v1/webhooks/event-types lists them")
				.decide();
	}

	private static boolean validUrl(String url) {
		if (url == null || url.isBlank() || url.length() > 2000) {
			return false;
		}
		try {
			var uri = new URI(url.strip());
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}
}
