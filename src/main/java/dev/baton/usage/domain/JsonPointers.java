package dev.baton.usage.domain;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonPointer;

/**
 * JSON pointers (RFC 6901) into an event's data, as meters name their value and dimensions.
 */
public final class JsonPointers {

	private JsonPointers() {
	}

	/** A pointer to a member, such as {@code /minutes} or {@code /runner/os}; the whole document ("") is not one. */
	public static boolean valid(String pointer) {
		if (pointer == null || pointer.length() < 2 || pointer.length() > 200 || pointer.charAt(0) != '/') {
			return false;
		}
		try {
			JsonPointer.compile(pointer);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/** The pointer's reference tokens, unescaped, as PostgreSQL's {@code #>>} takes a path. */
	public static List<String> path(String pointer) {
		var tokens = new ArrayList<String>();
		for (var token : pointer.substring(1).split("/", -1)) {
			tokens.add(token.replace("~1", "/").replace("~0", "~"));
		}
		return tokens;
	}
}
