package dev.baton.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a circle, written in JSON as the plain UUID. */
public record CircleId(@JsonValue UUID value) implements Identifier {

	public CircleId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static CircleId of(UUID value) {
		return new CircleId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code circleId}. */
	public static CircleId of(String text) {
		return new CircleId(Identifier.parse("circleId", text));
	}

	/** A new random id. */
	public static CircleId random() {
		return new CircleId(UUID.randomUUID());
	}

	/**
	 * The typed ids of the plain ones records carry, in their order, for a read by ids; a null (an
	 * unassigned or system field) is left out, as such a read would find nothing for it.
	 */
	public static List<CircleId> ofAll(Collection<UUID> values) {
		return values.stream().filter(Objects::nonNull).map(CircleId::of).toList();
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
