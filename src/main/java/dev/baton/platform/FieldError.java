package dev.baton.platform;

import java.util.Objects;

/**
 * One field that is wrong in a request, named by its JSON path ({@code commandPlan.pains}).
 * Serializable, since a page carries it across a redirect in the (JDBC-stored) session.
 */
public record FieldError(String field, String message) implements java.io.Serializable {

	public FieldError {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}
}
