package dev.baton.organisation.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.baton.organisation.Regions;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;

/**
 * How the administration pages read form values and show the services' refusals: each field
 * error next to its field (the service's field name, without a {@code calendar.} prefix), and a
 * refusal that names no field (a conflict, a stale version) at the top of the form.
 */
final class PageForms {

	/** The key of a refusal about the form as a whole. */
	static final String FORM = "form";

	private PageForms() {
	}

	/** A value and its label, for a select of a form (admin/fragments :: select). */
	record Option(String value, String label) {
	}

	/** The regions to choose from, by key. */
	static List<Option> regionOptions(Regions regions) {
		return regions.regions().stream().map(region -> new Option(region.key(), region.name())).toList();
	}

	/** The refusal as messages by field. */
	static Map<String, String> errors(BatonException refused) {
		var errors = new LinkedHashMap<String, String>();
		if (refused.fieldErrors().isEmpty()) {
			errors.put(FORM, refused.getMessage());
		}
		for (FieldError error : refused.fieldErrors()) {
			errors.merge(error.field().replaceFirst("^calendar\\.", ""), error.message(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	/** A form value, or null when blank. */
	static String value(Map<String, String> form, String name) {
		var value = form.get(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** An id from a select, or null; a value that is not an id is refused naming the field. */
	static UUID id(Map<String, String> form, String name) {
		var value = value(form, name);
		try {
			return value == null ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw BatonException.invalid(name, "is not an id: " + value);
		}
	}

	/** A time of day such as 09:00, or null when blank. */
	static LocalTime time(Map<String, String> form, String name) {
		var value = value(form, name);
		try {
			return value == null ? null : LocalTime.parse(value);
		}
		catch (DateTimeParseException e) {
			throw BatonException.invalid(name, "must be a time such as 09:00 but was '" + value + "'");
		}
	}

	/** A date such as 2026-12-24, required. */
	static LocalDate date(Map<String, String> form, String name) {
		var value = value(form, name);
		if (value == null) {
			throw BatonException.invalid(name, "is required");
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw BatonException.invalid(name, "must be a date such as 2026-12-24 but was '" + value + "'");
		}
	}

	/** The version the form was read at. */
	static int version(Map<String, String> form) {
		try {
			return Integer.parseInt(form.getOrDefault("version", ""));
		}
		catch (NumberFormatException e) {
			throw BatonException.invalid("version", "is missing; reload the page");
		}
	}
}
