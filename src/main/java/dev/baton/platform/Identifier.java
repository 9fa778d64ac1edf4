package dev.baton.platform;

import java.util.UUID;

/**
 * A typed id of an aggregate ({@code SaRequestId}, {@code PersonId}): a record over one UUID, so
 * that an id of one kind can never be passed where another is meant. Each implements
 * {@code static X of(UUID)} and {@code static X of(String)}; the latter lets Spring bind path
 * variables and request parameters, and Jackson reads and writes the plain UUID.
 */
public interface Identifier {

	UUID value();

	/** Parses a UUID for a typed id's {@code of(String)}, refusing anything else as a bad field. */
	static UUID parse(String field, String text) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException e) {
			throw BatonException.invalid(field, "must be a UUID");
		}
	}
}
