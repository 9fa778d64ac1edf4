package dev.baton.pipeline;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of an opportunity mirrored from the CRM, written in JSON as the plain UUID. */
public record OpportunityId(@JsonValue UUID value) implements Identifier {

	public OpportunityId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static OpportunityId of(UUID value) {
		return new OpportunityId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code opportunityId}. */
	public static OpportunityId of(String text) {
		return new OpportunityId(Identifier.parse("opportunityId", text));
	}

	/** A new random id. */
	public static OpportunityId random() {
		return new OpportunityId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
