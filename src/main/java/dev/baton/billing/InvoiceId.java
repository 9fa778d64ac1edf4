package dev.baton.billing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.baton.platform.Identifier;

/**
 * The id of an invoice.
 */
public record InvoiceId(@JsonValue UUID value) implements Identifier {

	public InvoiceId {
		Objects.requireNonNull(value, "value");
	}

	@JsonCreator
	public static InvoiceId of(UUID value) {
		return new InvoiceId(value);
	}

	public static InvoiceId of(String value) {
		return new InvoiceId(Identifier.parse("invoiceId", value));
	}

	public static InvoiceId random() {
		return new InvoiceId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
