package dev.baton.sizing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemType;

/**
 * Collects every wrong field of an input so one refusal can name them all.
 */
final class Violations {

	private final List<FieldError> errors = new ArrayList<>();

	Violations require(boolean ok, String field, String message) {
		if (!ok) {
			errors.add(new FieldError(field, message));
		}
		return this;
	}

	Violations notNegative(BigDecimal value, String field) {
		return require(value == null || value.signum() >= 0, field, "must not be negative but was " + plain(value));
	}

	Violations notNegative(Integer value, String field) {
		return require(value == null || value >= 0, field, "must not be negative but was " + value);
	}

	Violations notNegative(Duration value, String field) {
		return require(value == null || !value.isNegative(), field, "must not be negative but was " + value);
	}

	Violations addAll(List<FieldError> more) {
		errors.addAll(more);
		return this;
	}

	boolean isEmpty() {
		return errors.isEmpty();
	}

	void throwIfAny() {
		if (!errors.isEmpty()) {
			throw refusal(errors);
		}
	}

	static BatonException refusal(List<FieldError> errors) {
		String detail = "The prospect's metrics cannot be sized: "
				+ errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
		return new BatonException(ProblemType.VALIDATION_FAILED, detail, errors, Map.of());
	}

	static String plain(BigDecimal value) {
		return value == null ? "null" : value.stripTrailingZeros().toPlainString();
	}
}
