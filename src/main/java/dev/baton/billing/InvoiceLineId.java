package dev.baton.billing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of a line of an invoice.
 */
public record InvoiceLineId(@JsonValue UUID value) implements Identifier {

	public InvoiceLineId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static InvoiceLineId of(UUID value) {
		return new InvoiceLineId(value);
	}

	public static InvoiceLineId of(String value) {
		return new InvoiceLineId(Identifier.parse("lineId", value));
	}

	public static InvoiceLineId random() {
		return new InvoiceLineId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
