package dev.baton.engagement.web;

import java.time.Duration;
import java.time.Instant;

import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.domain.TimeBasis;
import dev.baton.organisation.BusinessCalendar;

/**
 * The clock badge on a card: which clock runs for the request's state, and whether it is on
 * time (green), has less than a quarter of its time left (amber) or is breached (red).
 * Time is counted on the board's basis, so a night or a weekend does not turn a card amber.
 *
 * @param level the colour
 * @param text what the badge says, in words, so it does not rely on the colour
 */
record SlaBadge(Level level, String text) {

	/** How urgent. */
	enum Level {
		GREEN, AMBER, RED, PAUSED, NONE;

		String css() {
			return name().toLowerCase();
		}
	}

	/** Below this share of the target time left, a clock turns amber. */
	static final double AMBER_SHARE = 0.25;

	public String css() {
		return level.css();
	}

	static SlaBadge assess(RequestStatus status, Instant receivedAt, Instant triageDueAt, Instant slaDueAt,
			Instant engagedAt, BusinessCalendar calendar, TimeBasis basis, Instant now) {
		switch (status) {
			case AWAITING_APPROVAL:
				return new SlaBadge(Level.NONE, "Clocks start when approved");
			case SA_WAITING:
				return new SlaBadge(Level.PAUSED, "Paused: waiting on the AE");
			case NEW:
				if (slaDueAt != null && !now.isBefore(slaDueAt)) {
					return new SlaBadge(Level.RED, "SLA breached");
				}
				return clock("Triage", receivedAt, triageDueAt, calendar, basis, now);
			case SA_TRIAGED:
				return clock("SLA", receivedAt, slaDueAt, calendar, basis, now);
			case SA_DOING:
			case SA_FOLLOWUP:
			case DONE:
				if (engagedAt != null && slaDueAt != null) {
					return engagedAt.isAfter(slaDueAt) ? new SlaBadge(Level.RED, "SLA missed")
							: new SlaBadge(Level.GREEN, "SLA met");
				}
				return new SlaBadge(Level.NONE, "");
			default:
				return new SlaBadge(Level.NONE, "");
		}
	}

	private static SlaBadge clock(String name, Instant from, Instant due, BusinessCalendar calendar, TimeBasis basis,
			Instant now) {
		if (due == null || from == null) {
			return new SlaBadge(Level.NONE, "");
		}
		if (!now.isBefore(due)) {
			return new SlaBadge(Level.RED, name + " overdue");
		}
		var target = basis.between(calendar, from, due);
		var left = basis.between(calendar, now, due);
		var text = name + " due in " + spoken(left);
		if (target.isZero() || left.toSeconds() < target.toSeconds() * AMBER_SHARE) {
			return new SlaBadge(Level.AMBER, text);
		}
		return new SlaBadge(Level.GREEN, text);
	}

	/** A duration as people say it: 2d 3h, 5h 10m, 12m. */
	static String spoken(Duration duration) {
		var minutes = Math.max(0, duration.toMinutes());
		var days = minutes / (24 * 60);
		var hours = minutes / 60 % 24;
		var rest = minutes % 60;
		if (days > 0) {
			return days + "d " + hours + "h";
		}
		if (hours > 0) {
			return hours + "h " + rest + "m";
		}
		return rest + "m";
	}
}
