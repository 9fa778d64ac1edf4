package dev.baton.webhooks;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of one delivery of an event to an endpoint.
 */
public record WebhookDeliveryId(@JsonValue UUID value) implements Identifier {

	public WebhookDeliveryId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static WebhookDeliveryId of(UUID value) {
		return new WebhookDeliveryId(value);
	}

	public static WebhookDeliveryId of(String value) {
		return new WebhookDeliveryId(Identifier.parse("deliveryId", value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
