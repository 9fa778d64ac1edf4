package dev.baton.quoting;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a quote revision.
 */
public record QuoteId(@JsonValue UUID value) implements Identifier {

	public QuoteId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static QuoteId of(UUID value) {
		return new QuoteId(value);
	}

	public static QuoteId of(String value) {
		return new QuoteId(Identifier.parse("quoteId", value));
	}

	public static QuoteId random() {
		return new QuoteId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
