package dev.baton.engagement.jdbc;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A request's number on its board: the board's prefix and a sequence, written CAMER-12.
 */
public record RequestNumber(String prefix, int number) {

	/** As people read and type it: CAMER-12. */
	public String reference() {
		return prefix + "-" + number;
	}

	/** The number of a reference such as CAMER-12. */
	public static RequestNumber parse(String reference) {
		if (reference == null || reference.lastIndexOf('-') < 1) {
			throw new IllegalArgumentException("not a request number: " + reference);
		}
		var dash = reference.lastIndexOf('-');
		return new RequestNumber(reference.substring(0, dash), Integer.parseInt(reference.substring(dash + 1)));
	}

	/**
	 * The prefix a board key gives: words of up to four letters whole, longer ones by their
	 * initial, at most eight letters, upper case (commercial-amer gives CAMER, us-east-enterprise
	 * USEASTE). The migration that numbered the existing requests derives it the same way.
	 */
	public static String prefixOf(String boardKey) {
		var prefix = java.util.Arrays.stream(boardKey.split("-")).filter(w -> !w.isEmpty())
				.map(w -> w.length() <= 4 ? w : w.substring(0, 1)).collect(Collectors.joining());
		prefix = prefix.length() > 8 ? prefix.substring(0, 8) : prefix;
		return prefix.toUpperCase(Locale.ROOT);
	}
}
