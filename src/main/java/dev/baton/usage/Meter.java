package dev.baton.usage;

import java.time.Instant;
import java.util.Map;

/**
 * What is metered: the events of one type, the value each carries (a JSON pointer into the event's
 * data), how the values add up, and the dimensions (name to JSON pointer) totals can be grouped by.
 */
public record Meter(MeterId id, String code, String name, String eventType, Aggregation aggregation,
		String valueProperty, Map<String, String> dimensions, String unit, String createdBy, Instant createdAt,
		Instant archivedAt) {

	public Meter {
		dimensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dimensions));
	}

	public boolean isArchived() {
		return archivedAt != null;
	}
}
