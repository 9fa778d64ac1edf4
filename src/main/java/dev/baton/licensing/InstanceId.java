package dev.baton.licensing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a activated instance.
 */
public record InstanceId(@JsonValue UUID value) implements Identifier {

	public InstanceId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static InstanceId of(UUID value) {
		return new InstanceId(value);
	}

	public static InstanceId of(String value) {
		return new InstanceId(Identifier.parse("instanceId", value));
	}

	public static InstanceId random() {
		return new InstanceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
