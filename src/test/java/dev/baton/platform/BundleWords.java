package dev.baton.platform;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@link Words} over the application's message bundle, configured as {@code spring.messages} does,
 * for tests of wording that need no Spring context.
 */
public final class BundleWords {

	private BundleWords() {
	}

	public static Words words() {
		var source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "words-fallback");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new Words(source);
	}
}
