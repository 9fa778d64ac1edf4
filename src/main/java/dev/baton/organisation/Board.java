package dev.baton.organisation;

import java.util.Objects;

/**
 * A triage board for one engagement model in a region, with the calendar its clocks run on.
 */
public record Board(String key, String name, String regionKey, String engagementModel, BusinessCalendar calendar,
		int version) {

	public Board {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(calendar, "calendar");
	}
}
