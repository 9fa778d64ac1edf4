package dev.baton.usage;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a meter (the API names meters by their code).
 */
public record MeterId(@JsonValue UUID value) implements Identifier {

	public MeterId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static MeterId of(UUID value) {
		return new MeterId(value);
	}

	public static MeterId of(String value) {
		return new MeterId(Identifier.parse("meterId", value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
