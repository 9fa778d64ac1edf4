package dev.baton.ordering;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of an order.
 */
public record OrderId(@JsonValue UUID value) implements Identifier {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static OrderId of(UUID value) {
		return new OrderId(value);
	}

	public static OrderId of(String value) {
		return new OrderId(Identifier.parse("orderId", value));
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
