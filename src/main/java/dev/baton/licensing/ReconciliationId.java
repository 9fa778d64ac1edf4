package dev.baton.licensing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a seat reconciliation.
 */
public record ReconciliationId(@JsonValue UUID value) implements Identifier {

	public ReconciliationId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static ReconciliationId of(UUID value) {
		return new ReconciliationId(value);
	}

	public static ReconciliationId of(String value) {
		return new ReconciliationId(Identifier.parse("reconciliationId", value));
	}

	public static ReconciliationId random() {
		return new ReconciliationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
