package dev.baton.usage.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.baton.usage.MeterId;

/**
 * An accepted CloudEvent, ready to store: its identity, subject and time, its data as JSON, and
 * what each meter of its type reads from it.
 */
public record UsageEvent(String source, String id, String type, String subject, Instant time, String data,
		List<Reading> readings) {

	public UsageEvent {
		readings = List.copyOf(readings);
	}

	/**
	 * One meter's reading of the event: the dimensions (canonical JSON), the hour it falls in, the
	 * number it adds (1 for COUNT and UNIQUE_COUNT), and for UNIQUE_COUNT the value counted once a day.
	 */
	public record Reading(MeterId meter, String dimensions, Instant hour, LocalDate day, BigDecimal value,
			String distinctValue) {
	}
}
