package dev.baton.catalog;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a price book version.
 */
public record PriceBookVersionId(@JsonValue UUID value) implements Identifier {

	public PriceBookVersionId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static PriceBookVersionId of(UUID value) {
		return new PriceBookVersionId(value);
	}

	public static PriceBookVersionId of(String value) {
		return new PriceBookVersionId(Identifier.parse("priceBookVersionId", value));
	}

	public static PriceBookVersionId random() {
		return new PriceBookVersionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
