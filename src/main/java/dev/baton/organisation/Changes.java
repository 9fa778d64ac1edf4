package dev.baton.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;

/** Helpers the organisation's services share for writes: audit details, texts, conflicts. */
final class Changes {

	private Changes() {
	}

	/** Audit details that may hold nulls, in the order given. */
	static Map<String, Object> details(Object... keysAndValues) {
		var map = new LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The database's own message, to tell which unique index a duplicate broke. */
	static String rootMessage(DuplicateKeyException exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}
}
