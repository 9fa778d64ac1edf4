package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every language of the message bundle says everything English says: each key of
 * {@code messages.properties} has its German entry, with the same placeholders, in the same order,
 * and every message with arguments is a pattern {@link MessageFormat} can format.
 */
class MessageBundlesTests {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	/** An apostrophe MessageFormat would read as the start of a quoted stretch, not as itself. */
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyEnglishKeyHasItsGermanWords() throws IOException {
		var english = bundle("messages.properties");
		var german = bundle("messages_de.properties");
		var missing = new ArrayList<String>();
		for (var key : english.keySet()) {
			if (!german.containsKey(key) || german.get(key).isBlank()) {
				missing.add(key);
			}
		}
		var unknown = new ArrayList<String>(german.keySet());
		unknown.removeAll(english.keySet());
		assertThat(missing).as("keys of messages.properties without German words").isEmpty();
		assertThat(unknown).as("German keys English does not have").isEmpty();
	}

	@Test
	void theGermanBundleKeepsTheEnglishOrder() throws IOException {
		var english = new ArrayList<>(bundle("messages.properties").keySet());
		var german = new ArrayList<>(bundle("messages_de.properties").keySet());
		english.retainAll(german);
		german.retainAll(english);
		assertThat(german).containsExactlyElementsOf(english);
	}

	@Test
	void germanMessagesTakeTheSameArgumentsAsEnglish() throws IOException {
		var english = bundle("messages.properties");
		var german = bundle("messages_de.properties");
		var differ = new ArrayList<String>();
		german.forEach((key, message) -> {
			if (english.containsKey(key) && !placeholders(message).equals(placeholders(english.get(key)))) {
				differ.add(key + ": " + placeholders(english.get(key)) + " in English, " + placeholders(message) + " in German");
			}
		});
		assertThat(differ).isEmpty();
	}

	@Test
	void everyMessageIsAPatternMessageFormatCanFormat() throws IOException {
		var broken = new ArrayList<String>();
		broken.addAll(unformattable(bundle("messages.properties"), Locale.ENGLISH));
		broken.addAll(unformattable(bundle("messages_de.properties"), Locale.GERMAN));
		assertThat(broken).isEmpty();
	}

	@Test
	void aMessageWithALoneApostropheOrAMissingArgumentIsCaught() {
		assertThat(unformattable(Map.of("bad", "{0} answered the circle's questions"), Locale.ENGLISH)).hasSize(1);
		assertThat(unformattable(Map.of("bad", "{0} answered the circle''s {1"), Locale.ENGLISH)).hasSize(1);
		assertThat(unformattable(Map.of("bad", "no arguments, yet ''doubled''"), Locale.ENGLISH)).hasSize(1);
		assertThat(unformattable(Map.of("good", "{0} answered the circle''s questions", "plain", "the circle's"),
				Locale.ENGLISH)).isEmpty();
		assertThat(placeholders("{0,choice,0#none|1<{0,number,integer} and {1}}")).containsExactly(0, 1);
	}

	/**
	 * The messages that do not format: with arguments, a pattern MessageFormat refuses, an
	 * apostrophe left single (MessageFormat would swallow it) or a placeholder left unformatted;
	 * without arguments (the bundle returns them as written), an apostrophe doubled.
	 */
	private static java.util.List<String> unformattable(Map<String, String> messages, Locale locale) {
		var broken = new ArrayList<String>();
		messages.forEach((key, message) -> {
			var arguments = placeholders(message);
			if (arguments.isEmpty()) {
				if (message.contains("''")) {
					broken.add(key + " (" + locale + "): no arguments, so '' shows as two apostrophes");
				}
				return;
			}
			if (LONE_APOSTROPHE.matcher(message).find()) {
				broken.add(key + " (" + locale + "): an apostrophe in a pattern is written ''");
				return;
			}
			try {
				var values = new Object[arguments.last() + 1];
				for (int i = 0; i < values.length; i++) {
					values[i] = 7 + i;
				}
				var formatted = new MessageFormat(message, locale).format(values);
				if (formatted.contains("{") || formatted.contains("}")) {
					broken.add(key + " (" + locale + "): a placeholder left unformatted: " + formatted);
				}
			}
			catch (IllegalArgumentException e) {
				broken.add(key + " (" + locale + "): " + e.getMessage());
			}
		});
		return broken;
	}

	private static TreeSet<Integer> placeholders(String message) {
		var found = new TreeSet<Integer>();
		var matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add(Integer.valueOf(matcher.group(1)));
		}
		return found;
	}

	/** A bundle's entries in the file's order, read as Spring reads them (UTF-8). */
	static LinkedHashMap<String, String> bundle(String name) throws IOException {
		var entries = new LinkedHashMap<String, String>();
		var properties = new java.util.Properties() {
			@Override
			public synchronized Object put(Object key, Object value) {
				entries.put((String) key, (String) value);
				return super.put(key, value);
			}
		};
		try (var in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return entries;
	}
}
