package dev.baton.billing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a payment.
 */
public record PaymentId(@JsonValue UUID value) implements Identifier {

	public PaymentId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static PaymentId of(UUID value) {
		return new PaymentId(value);
	}

	public static PaymentId of(String value) {
		return new PaymentId(Identifier.parse("paymentId", value));
	}

	public static PaymentId random() {
		return new PaymentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
