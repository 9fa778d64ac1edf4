package dev.baton.pipeline;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/** The id of an account mirrored from the CRM, written in JSON as the plain UUID. */
public record AccountId(@JsonValue UUID value) implements Identifier {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static AccountId of(UUID value) {
		return new AccountId(value);
	}

	/** Parses a path variable or request parameter; anything but a UUID is a bad {@code accountId}. */
	public static AccountId of(String text) {
		return new AccountId(Identifier.parse("accountId", text));
	}

	/** A new random id. */
	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
