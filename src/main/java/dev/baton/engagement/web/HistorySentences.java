package dev.baton.engagement.web;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.baton.audit.AuditEntry;
import dev.baton.engagement.RequestStatus;
import dev.baton.platform.Words;

/**
 * A request's audit history as sentences with people's names ("Sam Rivera assigned Priya
 * Natarajan"), from the bundle's {@code history.<action>} patterns; an action without one reads
 * as its identifier.
 */
final class HistorySentences {

	private HistorySentences() {
	}

	/** One line of the history. */
	record Line(String when, String sentence, String reason) {
	}

	static Line of(AuditEntry entry, Map<String, String> actors, Function<UUID, String> people, Words words, ZoneId zone) {
		var who = entry.actor() == null ? words.get("history.someone") : actors.getOrDefault(entry.actor(), entry.actor());
		var details = entry.details() == null ? Map.<String, Object>of() : entry.details();
		Object first = "";
		Object second = "";
		switch (entry.action()) {
			case "sa-request.assigned" -> first = person(details.get("assignee"), people, words);
			case "sa-request.reassigned" -> first = person(details.get("to"), people, words);
			case "sa-request.moved" -> {
				first = status(details.get("from"), words);
				second = status(details.get("to"), words);
			}
			case "sa-request.reviewed" -> first = "CONCERNS".equals(details.get("verdict"))
					? words.of(dev.baton.engagement.ReviewVerdict.CONCERNS) : words.of(dev.baton.engagement.ReviewVerdict.APPROVE);
			case "sa-request.relabelled" -> first = labels(details.get("to"), words);
			default -> {
			}
		}
		var sentence = words.getOr("history." + entry.action(), who + " " + entry.action(), who, first, second);
		return new Line(words.dayTime(entry.occurredAt(), zone), sentence, entry.reason());
	}

	private static String person(Object id, Function<UUID, String> people, Words words) {
		if (id == null) {
			return words.get("history.someone");
		}
		try {
			var name = people.apply(UUID.fromString(id.toString()));
			return name == null ? words.get("history.someone") : name;
		}
		catch (IllegalArgumentException notAnId) {
			return id.toString();
		}
	}

	private static String status(Object name, Words words) {
		try {
			return name == null ? "" : words.of(RequestStatus.valueOf(name.toString()));
		}
		catch (IllegalArgumentException unknown) {
			return name.toString();
		}
	}

	private static String labels(Object value, Words words) {
		if (!(value instanceof java.util.Collection<?> names) || names.isEmpty()) {
			return words.get("history.no-labels");
		}
		return String.join(", ", names.stream().map(n -> {
			try {
				return words.of(dev.baton.engagement.RequestLabel.valueOf(n.toString()));
			}
			catch (IllegalArgumentException unknown) {
				return n.toString();
			}
		}).toList());
	}
}
