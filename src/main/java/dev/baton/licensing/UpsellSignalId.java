package dev.baton.licensing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a up-sell signal.
 */
public record UpsellSignalId(@JsonValue UUID value) implements Identifier {

	public UpsellSignalId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static UpsellSignalId of(UUID value) {
		return new UpsellSignalId(value);
	}

	public static UpsellSignalId of(String value) {
		return new UpsellSignalId(Identifier.parse("upsellSignalId", value));
	}

	public static UpsellSignalId random() {
		return new UpsellSignalId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
