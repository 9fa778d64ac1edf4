package dev.baton.subscription;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a subscription.
 */
public record SubscriptionId(@JsonValue UUID value) implements Identifier {

	public SubscriptionId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static SubscriptionId of(UUID value) {
		return new SubscriptionId(value);
	}

	public static SubscriptionId of(String value) {
		return new SubscriptionId(Identifier.parse("subscriptionId", value));
	}

	public static SubscriptionId random() {
		return new SubscriptionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
