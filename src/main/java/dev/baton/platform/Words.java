package dev.baton.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words people read, from one message bundle ({@code messages.properties}, with a file per
 * language such as {@code messages_de.properties}) in the reader's language: every enum value
 * ({@code enum.RequestStatus.SA_TRIAGED}), every rule identifier ({@code rule.triage.second-review}),
 * field names, times and durations. Pages reach it as {@code @words}, and e-mail and form errors
 * use the same keys, so nothing a person reads is spelled twice.
 */
@Component("words")
public class Words {

	private final MessageSource messages;

	public Words(MessageSource messages) {
		this.messages = messages;
		// outside a web request (e-mail written by event listeners, scheduled jobs) the words are
		// the bundle's default language, never the server's own locale
		LocaleContextHolder.setDefaultLocale(Locale.ENGLISH);
	}

	/** The reader's language: the request's (its Accept-Language), English outside a request. */
	public Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** The message of a key with its arguments; the key itself when the bundle lacks it. */
	public String get(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale());
	}

	/** The message of a key, or {@code fallback} when the bundle lacks it. */
	public String getOr(String key, String fallback, Object... arguments) {
		return messages.getMessage(key, arguments, fallback, locale());
	}

	/** Whether the bundle has the key. */
	public boolean has(String key) {
		try {
			messages.getMessage(key, null, locale());
			return true;
		}
		catch (NoSuchMessageException missing) {
			return false;
		}
	}

	/** An enum value as people say it: {@code enum.<SimpleName>.<NAME>}, such as "Technical Q&A". */
	public String of(Enum<?> value) {
		if (value == null) {
			return "";
		}
		return messages.getMessage(key(value), null, value.name(), locale());
	}

	/** The bundle key of an enum value. */
	public static String key(Enum<?> value) {
		var type = value.getDeclaringClass();
		var name = type.isMemberClass() ? type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName()
				: type.getSimpleName();
		return "enum." + name + "." + value.name();
	}

	/** A rule by its stable identifier, as people say it: "Second review" for triage.second-review. */
	public String rule(String ruleId) {
		return ruleId == null ? "" : messages.getMessage("rule." + ruleId, null, ruleId, locale());
	}

	/** A rule as people say it. */
	public String rule(Rule rule) {
		return rule == null ? "" : rule(rule.id());
	}

	/** A form field's name as people say it ({@code field.details.hosting}: "Hosting"). */
	public String field(String field) {
		if (field == null) {
			return "";
		}
		var general = field.replaceAll("\\[\\d+]", "[]");
		return messages.getMessage("field." + field, null, messages.getMessage("field." + general, null, field, locale()),
				locale());
	}

	/**
	 * A service's message about a field in the reader's words: {@code error.<field>} when the
	 * bundle words that field's refusal, the generic wording of "is required", else the message.
	 */
	public String fieldError(String field, String message) {
		if (message == null) {
			return "";
		}
		var general = field == null ? "" : field.replaceAll("\\[\\d+]", "[]");
		if (message.startsWith("is required")) {
			var specific = messages.getMessage("error.required." + general, null, null, locale());
			return specific != null ? specific : get("error.required");
		}
		var max = java.util.regex.Pattern.compile("must be at most (\\d+) characters").matcher(message);
		if (max.matches()) {
			return get("error.too-long", Integer.valueOf(max.group(1)));
		}
		return message;
	}

	/** A count with its noun in the right form: {@code count.<noun>} is a choice pattern. */
	public String count(String noun, long count) {
		return get("count." + noun, count);
	}

	/** As "Wed 25 Nov 16:00" in the reader's language. */
	public String dayTime(Instant instant, ZoneId zone) {
		return instant == null ? "" : DateTimeFormatter.ofPattern(get("format.day-time"), locale()).format(instant.atZone(zone));
	}

	/** As "16:00". */
	public String time(Instant instant, ZoneId zone) {
		return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale()).format(instant.atZone(zone));
	}

	/** A time zone as people name it: "Chicago" for America/Chicago, "UTC" for UTC. */
	public String zone(ZoneId zone) {
		var id = zone.getId();
		var city = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : id;
		return messages.getMessage("zone." + id, null, city, locale());
	}

	/** A duration in words: "2 hours 15 minutes", "3 days 4 hours"; the two largest parts. */
	public String duration(Duration duration) {
		var minutes = Math.max(0, duration.toMinutes());
		var days = minutes / (24 * 60);
		var hours = minutes / 60 % 24;
		var rest = minutes % 60;
		if (days > 0) {
			return hours == 0 ? count("days", days) : count("days", days) + " " + count("hours", hours);
		}
		if (hours > 0) {
			return rest == 0 ? count("hours", hours) : count("hours", hours) + " " + count("minutes", rest);
		}
		return count("minutes", rest);
	}

	/** Working time in words: "4 business hours", "1 business hour 30 minutes". */
	public String businessDuration(Duration duration) {
		var minutes = Math.max(0, duration.toMinutes());
		var hours = minutes / 60;
		var rest = minutes % 60;
		if (hours > 0) {
			return rest == 0 ? count("business-hours", hours) : count("business-hours", hours) + " " + count("minutes", rest);
		}
		return count("business-minutes", rest);
	}
}
