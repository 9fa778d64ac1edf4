package dev.baton.billing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a shadow billing run, written in JSON as the plain UUID. */
public record ShadowBillingRunId(@JsonValue UUID value) implements Identifier {

	public ShadowBillingRunId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static ShadowBillingRunId of(UUID value) {
		return new ShadowBillingRunId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code id}. */
	public static ShadowBillingRunId of(String text) {
		return new ShadowBillingRunId(Identifier.parse("id", text));
	}

	/** A new random id. */
	public static ShadowBillingRunId random() {
		return new ShadowBillingRunId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
