package dev.baton.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of a person of the organisation, written in JSON as the plain UUID. */
public record PersonId(@JsonValue UUID value) implements Identifier {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static PersonId of(UUID value) {
		return new PersonId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code personId}. */
	public static PersonId of(String text) {
		return new PersonId(Identifier.parse("personId", text));
	}

	/** A new random id. */
	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	/**
	 * The typed ids of the plain ones records carry, in their order, for a read by ids; a null (an
	 * unassigned or system field) is left out, as such a read would find nothing for it.
	 */
	public static List<PersonId> ofAll(Collection<UUID> values) {
		return values.stream().filter(Objects::nonNull).map(PersonId::of).toList();
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
