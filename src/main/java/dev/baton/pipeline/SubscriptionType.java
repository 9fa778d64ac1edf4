package dev.baton.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the customer runs the product.
 */
public enum SubscriptionType {

	SAAS("SaaS"),
	SELF_MANAGED("Self-Managed"),
	DEDICATED("Dedicated");

	private final String label;

	SubscriptionType(String label) {
		this.label = label;
	}

	/** The CRM's name, such as {@code Self-Managed}. */
	public String label() {
		return label;
	}

	/**
	 * The subscription type a CRM or a person names: the enum name ({@code SELF_MANAGED}) or the
	 * label ({@code Self-Managed}), ignoring case, spaces, dashes and underscores.
	 */
	public static Optional<SubscriptionType> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		var wanted = normalize(text);
		return Arrays.stream(values())
				.filter(type -> normalize(type.name()).equals(wanted) || normalize(type.label).equals(wanted))
				.findFirst();
	}

	/** The accepted spellings, for messages: the labels. */
	public static String labels() {
		return Arrays.stream(values()).map(SubscriptionType::label).collect(Collectors.joining(", "));
	}

	private static String normalize(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
	}
}
