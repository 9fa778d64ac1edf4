package dev.baton.postsales;

import java.util.Objects;
import java.util.UUID;

import dev.baton.platform.Identifier;

/** The id of a post-sales task. */
public record TaskId(UUID value) implements Identifier {

	public TaskId {
		Objects.requireNonNull(value, "value");
	}

	public static TaskId of(UUID value) {
		return new TaskId(value);
	}

	public static TaskId of(String text) {
		return new TaskId(Identifier.parse("id", text));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
