package dev.baton.organisation.domain;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemType;

/**
 * Collects every wrong field of a request so that one refusal names them all (a validation
 * problem with one field error each).
 */
public final class Violations {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final List<FieldError> errors = new ArrayList<>();

	public Violations require(boolean ok, String field, String message) {
		if (!ok) {
			errors.add(new FieldError(field, message));
		}
		return this;
	}

	/** A required text of 1 to {@code max} characters (after stripping). */
	public Violations text(String value, String field, int max) {
		return require(value != null && !value.isBlank() && value.strip().length() <= max, field,
				"must be 1 to " + max + " characters");
	}

	/** An optional text of at most {@code max} characters. */
	public Violations optionalText(String value, String field, int max) {
		return require(value == null || value.strip().length() <= max, field, "must be at most " + max + " characters");
	}

	public Violations matches(String value, Pattern pattern, String field, String message) {
		return require(value != null && pattern.matcher(value).matches(), field, message);
	}

	public Violations email(String value, String field) {
		return require(value != null && value.length() <= 320 && EMAIL.matcher(value.strip()).matches(), field,
				"must be an e-mail address");
	}

	/** A time zone given as an IANA id such as {@code Europe/Berlin}; offsets like {@code +02:00} are refused. */
	public Violations timeZone(String value, String field) {
		return require(isTimeZone(value), field,
				"must be an IANA time zone id such as Europe/Berlin but was " + (value == null ? "missing" : "'" + value + "'"));
	}

	/** An optional http or https URL with a host. */
	public Violations httpUrl(String value, String field) {
		return require(value == null || isHttpUrl(value), field, "must be an http:// or https:// URL");
	}

	public Violations add(String field, String message) {
		errors.add(new FieldError(field, message));
		return this;
	}

	public boolean isEmpty() {
		return errors.isEmpty();
	}

	public List<FieldError> errors() {
		return List.copyOf(errors);
	}

	public void throwIfAny() {
		if (!errors.isEmpty()) {
			var detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
			throw new BatonException(ProblemType.VALIDATION_FAILED, detail, errors, Map.of());
		}
	}

	public static boolean isTimeZone(String value) {
		return value != null && ZoneId.getAvailableZoneIds().contains(value);
	}

	public static boolean isHttpUrl(String value) {
		if (value.length() > 2000) {
			return false;
		}
		try {
			var uri = new URI(value.strip());
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isBlank();
		} catch (java.net.URISyntaxException e) {
			return false;
		}
	}
}
