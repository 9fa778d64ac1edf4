package dev.baton.identity;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a login (user account), written in JSON as the plain UUID. */
public record UserId(@JsonValue UUID value) implements Identifier {

	public UserId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static UserId of(UUID value) {
		return new UserId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code userId}. */
	public static UserId of(String text) {
		return new UserId(Identifier.parse("userId", text));
	}

	/** A new random id. */
	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
