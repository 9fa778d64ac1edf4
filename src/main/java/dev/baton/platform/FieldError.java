package dev.baton.platform;

import java.util.Objects;

/**
 * One field that is wrong in a request, named by its JSON path ({@code commandPlan.pains}).
 */
public record FieldError(String field, String message) {

	public FieldError {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(message, "message");
	}
}
