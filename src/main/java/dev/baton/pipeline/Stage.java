package dev.baton.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The opportunity stages, in order.
 */
public enum Stage {

	PENDING_ACCEPTANCE("0-Pending Acceptance"),
	DISCOVERY("1-Discovery"),
	SCOPING("2-Scoping"),
	TECHNICAL_EVALUATION("3-Technical Evaluation"),
	PROPOSAL("4-Proposal"),
	NEGOTIATING("5-Negotiating"),
	AWAITING_SIGNATURE("6-Awaiting Signature"),
	CLOSING("7-Closing"),
	CLOSED_WON("Closed Won"),
	CLOSED_LOST("Closed Lost");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	/** The CRM's name of the stage, such as {@code 3-Technical Evaluation}. */
	public String label() {
		return label;
	}

	public boolean isClosed() {
		return this == CLOSED_WON || this == CLOSED_LOST;
	}

	/**
	 * The stage a CRM or a person names: the enum name ({@code TECHNICAL_EVALUATION}), the CRM label
	 * ({@code 3-Technical Evaluation}) or the label without its number ({@code Technical Evaluation}),
	 * ignoring case, spaces, dashes and underscores.
	 */
	public static Optional<Stage> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		var wanted = normalize(text);
		return Arrays.stream(values()).filter(stage -> normalize(stage.name()).equals(wanted)
				|| normalize(stage.label).equals(wanted) || normalize(stage.label.replaceFirst("^\\d+-", "")).equals(wanted))
				.findFirst();
	}

	/** The accepted spellings, for messages: the CRM labels. */
	public static String labels() {
		return Arrays.stream(values()).map(Stage::label).collect(Collectors.joining(", "));
	}

	private static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
	}

	/** Whether this stage is at or past another open stage. */
	public boolean isAtLeast(Stage other) {
		return !isClosed() && ordinal() >= other.ordinal();
	}
}
