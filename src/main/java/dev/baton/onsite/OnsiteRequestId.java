package dev.baton.onsite;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of an on-site request, written in JSON as the plain UUID. */
public record OnsiteRequestId(@JsonValue UUID value) implements Identifier {

	public OnsiteRequestId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static OnsiteRequestId of(UUID value) {
		return new OnsiteRequestId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code id}. */
	public static OnsiteRequestId of(String text) {
		return new OnsiteRequestId(Identifier.parse("id", text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
