package dev.baton.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.micrometer.core.instrument.Metrics;
import tools.jackson.databind.JsonNode;

/**
 * Counts what ingestion did, on the application's meter registry (which Spring Boot binds to
 * Micrometer's global one): events accepted, duplicates and rejected ({@code baton.usage.events},
 * tag {@code outcome}), and accepted events that came late ({@code baton.usage.events.late}: more
 * than {@link #LATE} after their time, when the hour they fall in had been read already).
 */
final class UsageMetrics {

	static final Duration LATE = Duration.ofHours(1);

	private UsageMetrics() {
	}

	/** Counts a request's outcome and answers it unchanged; results are in the order the events were sent. */
	static UsageIngestion.Outcome counted(List<JsonNode> sent, UsageIngestion.Outcome outcome, Instant now) {
		Metrics.counter("baton.usage.events", "outcome", "accepted").increment(outcome.accepted());
		Metrics.counter("baton.usage.events", "outcome", "duplicate").increment(outcome.duplicates());
		Metrics.counter("baton.usage.events", "outcome", "rejected").increment(outcome.rejected());
		int late = 0;
		for (int i = 0; i < outcome.results().size() && i < sent.size(); i++) {
			if (outcome.results().get(i).status() == UsageIngestion.Status.ACCEPTED && late(sent.get(i), now)) {
				late++;
			}
		}
		Metrics.counter("baton.usage.events.late").increment(late);
		return outcome;
	}

	private static boolean late(JsonNode event, Instant now) {
		var time = event == null ? null : event.get("time");
		if (time == null || !time.isString()) {
			return false;
		}
		try {
			return OffsetDateTime.parse(time.stringValue()).toInstant().isBefore(now.minus(LATE));
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}
}
