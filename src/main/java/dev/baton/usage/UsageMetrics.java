package dev.baton.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.baton.usage.domain.SentEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what ingestion did on the Prometheus endpoint: events accepted, duplicates and rejected
 * ({@code baton.usage.events}, tag {@code outcome}), and accepted events that came late
 * ({@code baton.usage.events.late}: more than {@link #LATE} after their time, when the hour they fall
 * in had been read already).
 */
final class UsageMetrics {

	static final Duration LATE = Duration.ofHours(1);

	private final Counter accepted;
	private final Counter duplicates;
	private final Counter rejected;
	private final Counter late;

	UsageMetrics(MeterRegistry meters) {
		accepted = meters.counter("baton.usage.events", "outcome", "accepted");
		duplicates = meters.counter("baton.usage.events", "outcome", "duplicate");
		rejected = meters.counter("baton.usage.events", "outcome", "rejected");
		late = meters.counter("baton.usage.events.late");
	}

	/** Counts a request's outcome and answers it unchanged; results are in the order the events were sent. */
	UsageIngestion.Outcome counted(List<SentEvent> sent, UsageIngestion.Outcome outcome, Instant now) {
		accepted.increment(outcome.accepted());
		duplicates.increment(outcome.duplicates());
		rejected.increment(outcome.rejected());
		int lateEvents = 0;
		for (int i = 0; i < outcome.results().size() && i < sent.size(); i++) {
			if (outcome.results().get(i).status() == UsageIngestion.Status.ACCEPTED && late(sent.get(i), now)) {
				lateEvents++;
			}
		}
		late.increment(lateEvents);
		return outcome;
	}

	private static boolean late(SentEvent event, Instant now) {
		if (event == null || event.time() == null) {
			return false;
		}
		try {
			return OffsetDateTime.parse(event.time()).toInstant().isBefore(now.minus(LATE));
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}
}
