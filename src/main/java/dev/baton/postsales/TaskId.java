package dev.baton.postsales;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a post-sales task, written in JSON as the plain UUID. */
public record TaskId(@JsonValue UUID value) implements Identifier {

	public TaskId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static TaskId of(UUID value) {
		return new TaskId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code id}. */
	public static TaskId of(String text) {
		return new TaskId(Identifier.parse("id", text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
