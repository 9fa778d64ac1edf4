package dev.baton.usage;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a registered usage source, written in JSON as the plain UUID. */
public record UsageSourceId(@JsonValue UUID value) implements Identifier {

	public UsageSourceId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static UsageSourceId of(UUID value) {
		return new UsageSourceId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code id}. */
	public static UsageSourceId of(String text) {
		return new UsageSourceId(Identifier.parse("id", text));
	}

	/** A new random id. */
	public static UsageSourceId random() {
		return new UsageSourceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
