package dev.baton.organisation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The account executive segments of the engagement model.
 */
public enum Segment {

	MM_FIRST_ORDER("Mid-Market First Order"),
	MM_NAMED("Mid-Market Named (Key)"),
	MM_TERRITORY("Mid-Market Territory"),
	SMB_FIRST_ORDER("SMB First Order"),
	SMB_NAMED("SMB Named (Key)"),
	SMB_FIRST_YEAR_EXPAND("SMB First Year Expand"),
	SMB_POOLED("SMB Pooled"),
	STRATEGIC("Strategic Account Leader");

	private final String label;

	Segment(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * The segment a CRM or a person names: the enum name ({@code MM_NAMED}), the label
	 * ({@code Mid-Market Named (Key)}) or the label without its parenthesis ({@code Mid-Market Named}),
	 * ignoring case, spaces, dashes and underscores.
	 */
	public static Optional<Segment> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		var wanted = normalize(text);
		return Arrays.stream(values()).filter(segment -> normalize(segment.name()).equals(wanted)
				|| normalize(segment.label).equals(wanted)
				|| normalize(segment.label.replaceAll("\\(.*\\)", "")).equals(wanted)).findFirst();
	}

	/** The accepted spellings, for messages: the labels. */
	public static String labels() {
		return Arrays.stream(values()).map(Segment::label).collect(Collectors.joining(", "));
	}

	private static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
	}
}
