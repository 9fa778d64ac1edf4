package dev.baton.engagement;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of an SA request. JSON and URLs carry the plain UUID.
 */
public record SaRequestId(UUID value) implements Identifier {

	public SaRequestId {
		Objects.requireNonNull(value, "value");
	}

	public static SaRequestId of(UUID value) {
		return new SaRequestId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code id}. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static SaRequestId of(String text) {
		return new SaRequestId(Identifier.parse("id", text));
	}

	/** A new id for a request being filed. */
	public static SaRequestId random() {
		return new SaRequestId(UUID.randomUUID());
	}

	@Override
	@JsonValue
	public UUID value() {
		return value;
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
