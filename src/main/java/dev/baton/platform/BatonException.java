package dev.baton.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A refusal that the web edge turns into an RFC 9457 Problem Detail of the given type.
 * <p>
 * Domain code throws it (or a subclass) with a detail that a person can act on: it names the
 * field, the state or the rule that stands in the way.
 */
public class BatonException extends RuntimeException {

	private final ProblemType type;
	private final List<FieldError> fieldErrors;
	private final Map<String, Object> properties;

	public BatonException(ProblemType type, String detail) {
		this(type, detail, List.of(), Map.of());
	}

	public BatonException(ProblemType type, String detail, List<FieldError> fieldErrors, Map<String, ?> properties) {
		super(detail);
		this.type = Objects.requireNonNull(type, "type");
		this.fieldErrors = List.copyOf(fieldErrors);
		this.properties = Map.copyOf(new LinkedHashMap<>(properties));
	}

	public static BatonException notFound(String what, Object id) {
		return new BatonException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
	}

	public static BatonException invalid(String field, String message) {
		return new BatonException(ProblemType.VALIDATION_FAILED, field + ": " + message,
				List.of(new FieldError(field, message)), Map.of());
	}

	public ProblemType type() {
		return type;
	}

	public List<FieldError> fieldErrors() {
		return fieldErrors;
	}

	public Map<String, Object> properties() {
		return properties;
	}
}
