package dev.baton.webhooks;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a webhook endpoint.
 */
public record WebhookEndpointId(@JsonValue UUID value) implements Identifier {

	public WebhookEndpointId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static WebhookEndpointId of(UUID value) {
		return new WebhookEndpointId(value);
	}

	public static WebhookEndpointId of(String value) {
		return new WebhookEndpointId(Identifier.parse("endpointId", value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
