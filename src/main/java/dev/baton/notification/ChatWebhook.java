package dev.baton.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts messages to a circle's Slack-compatible incoming webhook: a JSON object with {@code text} and {@code blocks}.
 * <p>
 * A webhook URL is a secret (whoever has it may post to the channel), so it never appears in logs
 * or in recorded errors.
 */
@Component
class ChatWebhook {

	private final RestClient http;
	private final JsonMapper json = JsonMapper.builder().build();

	ChatWebhook(ObjectProvider<RestClient.Builder> builders, NotificationProperties properties) {
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.connectTimeout());
		requests.setReadTimeout(properties.readTimeout());
		// Boot's builder (with observations) when spring-boot-restclient is present, a plain one otherwise
		this.http = builders.getIfAvailable(RestClient::builder).requestFactory(requests).build();
	}

	/** The webhook body: plain {@code text} for notifications and simple clients, and one formatted block. */
	String payload(Message message, boolean loud) {
		var attention = loud ? "<!here> :rotating_light: " : "";
		var text = attention + escape(message.body()) + (message.link() == null ? "" : "\n" + escape(message.link()));
		var formatted = attention + "*" + escape(message.title()) + "*\n" + escape(message.body())
				+ (message.link() == null ? "" : "\n<" + escape(message.link()) + "|Open the request>");
		var body = new LinkedHashMap<String, Object>();
		body.put("text", text);
		body.put("blocks", List.of(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", formatted))));
		return json.writeValueAsString(body);
	}

	void post(String webhookUrl, String payload) throws DeliveryFailure {
		URI uri;
		try {
			uri = URI.create(webhookUrl.strip());
		} catch (IllegalArgumentException e) {
			throw DeliveryFailure.permanentFailure("The circle's chat webhook URL is not a valid URL");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
			throw DeliveryFailure.permanentFailure("The circle's chat webhook URL is not an http(s) URL");
		}
		try {
			http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(payload).retrieve().toBodilessEntity();
		} catch (RestClientResponseException e) {
			int status = e.getStatusCode().value();
			// 4xx means the webhook refuses this message (revoked, archived channel, bad payload):
			// sending it again cannot help, except after a timeout or rate limit
			boolean permanent = e.getStatusCode().is4xxClientError() && status != 408 && status != 429;
			var answer = e.getResponseBodyAsString().strip();
			var detail = "Chat webhook answered HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
			throw permanent ? DeliveryFailure.permanentFailure(detail) : DeliveryFailure.transientFailure(detail);
		} catch (ResourceAccessException e) {
			throw DeliveryFailure.transientFailure("Chat webhook unreachable: " + describe(rootCause(e)));
		} catch (RestClientException e) {
			throw DeliveryFailure.transientFailure("Chat webhook failed: " + e.getClass().getSimpleName());
		}
	}

	/** Slack's three control characters; everything else is literal. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static Throwable rootCause(Throwable e) {
		var cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	// the exception's own message may carry the URL; the root cause's ("Connection refused") does not
	private static String describe(Throwable cause) {
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
	}
}
