package dev.baton.licensing.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed payload: lines of {@code key: value}, UTF-8, line feeds, in a fixed order, the first
 * naming the format. Values are one line each.
 */
public final class Fields {

	private final Map<String, String> values;

	private Fields(Map<String, String> values) {
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** Fields in the order given. */
	public static Fields of(Map<String, String> values) {
		var copy = new LinkedHashMap<String, String>();
		values.forEach((key, value) -> {
			Objects.requireNonNull(value, key);
			if (!key.matches("[a-z][a-z0-9-]*")) {
				throw new IllegalArgumentException("field names are lower-case words joined by dashes: " + key);
			}
			copy.put(key, value.replace('\r', ' ').replace('\n', ' ').strip());
		});
		return new Fields(copy);
	}

	/** Reads a payload; every line must be {@code key: value} and no key may appear twice. */
	public static Fields parse(byte[] payload) throws SignedDocument.MalformedDocumentException {
		var text = new String(payload, StandardCharsets.UTF_8);
		var values = new LinkedHashMap<String, String>();
		for (var line : text.split("\n", -1)) {
			if (line.isEmpty()) {
				continue;
			}
			int colon = line.indexOf(": ");
			if (colon < 1) {
				throw new SignedDocument.MalformedDocumentException("the payload line '" + abbreviate(line)
						+ "' is not 'name: value'");
			}
			if (values.putIfAbsent(line.substring(0, colon), line.substring(colon + 2)) != null) {
				throw new SignedDocument.MalformedDocumentException("the payload names " + line.substring(0, colon) + " twice");
			}
		}
		return new Fields(values);
	}

	public byte[] bytes() {
		var text = new StringBuilder();
		values.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	public Map<String, String> asMap() {
		return values;
	}

	/** The value of a field the format requires. */
	public String required(String key) throws SignedDocument.MalformedDocumentException {
		var value = values.get(key);
		if (value == null || value.isEmpty()) {
			throw new SignedDocument.MalformedDocumentException("the payload has no " + key);
		}
		return value;
	}

	public String get(String key) {
		return values.get(key);
	}

	private static String abbreviate(String line) {
		return line.length() > 40 ? line.substring(0, 40) + "..." : line;
	}
}
