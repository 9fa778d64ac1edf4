package dev.baton.engagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import dev.baton.engagement.RequestStatus;
import dev.baton.platform.Words;

/**
 * A request's clock and state in the reader's words, the same on the board's cards, the request
 * page and the home pages' work lines: the clock badge (such as: Triage: 4 business hours left),
 * its due time on the board's clock and the reader's, and what the request waits on.
 */
public final class BadgeWords {

	private final Words words;

	public BadgeWords(Words words) {
		this.words = words;
	}

	/**
	 * A clock badge in words.
	 *
	 * @param css the badge's classes
	 * @param level the colour's name, for tests and styles
	 * @param text what the badge says; empty when nothing
	 * @param due the due time on the board's clock and the reader's; empty when no clock runs
	 */
	public record Badge(String css, String level, String text, String due) {

		public boolean isEmpty() {
			return text.isEmpty();
		}
	}

	/** Puts an assessed clock in words, due on the board's clock with the reader's beside it when it differs. */
	public Badge badge(SlaBadge badge, ZoneId boardZone, ZoneId viewerZone) {
		var clockName = words.get("clock." + badge.clock().name().toLowerCase());
		var text = switch (badge.state()) {
			case LEFT -> words.get("clock.left", clockName, badge.basis() == TimeBasis.BUSINESS
					? words.businessDuration(badge.left()) : words.duration(badge.left()));
			case OVERDUE -> words.get("clock.overdue", clockName);
			case BREACHED -> words.get("clock.breached");
			case PAUSED -> words.get("clock.paused");
			case AWAITING_APPROVAL -> words.get("clock.awaiting-approval");
			case MET -> words.get("clock.met");
			case MISSED -> words.get("clock.missed");
			case NONE -> "";
		};
		var due = "";
		if (badge.dueAt() != null && (badge.state() == SlaBadge.State.LEFT || badge.state() == SlaBadge.State.OVERDUE
				|| badge.state() == SlaBadge.State.BREACHED)) {
			due = dueWords(badge.dueAt(), boardZone, viewerZone);
		}
		return new Badge("sla sla-" + badge.css(), badge.css(), text, due);
	}

	/** The due time on the board's clock, such as: due Wed 16:00 Chicago time; then the reader's when it differs. */
	public String dueWords(Instant due, ZoneId boardZone, ZoneId viewerZone) {
		var board = words.get("clock.due", words.dayTime(due, boardZone), words.zone(boardZone));
		if (viewerZone == null || viewerZone.getRules().getOffset(due).equals(boardZone.getRules().getOffset(due))) {
			return board;
		}
		return board + " " + words.get("clock.due-yours", words.dayTime(due, viewerZone));
	}

	/** A due time on the board's clock, with the reader's beside it when it differs: for tables; empty for none. */
	public String due(Instant instant, ZoneId boardZone, ZoneId viewerZone) {
		if (instant == null) {
			return "";
		}
		var board = words.dayTime(instant, boardZone) + " " + words.get("clock.zone-time", words.zone(boardZone));
		if (viewerZone == null || viewerZone.getRules().getOffset(instant).equals(boardZone.getRules().getOffset(instant))) {
			return board;
		}
		return board + " " + words.get("clock.due-yours", words.dayTime(instant, viewerZone));
	}

	/** What a request in this state waits on, in words; {@code assignee} is who works on it, or null. */
	public String waitingOn(RequestStatus status, String assignee) {
		return switch (status) {
			case AWAITING_APPROVAL -> words.get("waiting.approval");
			case NEW -> words.get("waiting.triage");
			case SA_WAITING -> words.get("waiting.requestor");
			case SA_TRIAGED, SA_DOING, SA_FOLLOWUP -> words.get("waiting.sa", assignee == null ? "" : assignee);
			case DONE, DECLINED -> words.get("waiting.nothing");
		};
	}

	/** An age as people say it: minutes under an hour, hours under a day, whole days after. */
	public String age(Duration age) {
		Duration rounded;
		if (age.toDays() > 0) {
			rounded = Duration.ofDays(age.toDays());
		} else if (age.toHours() > 0) {
			rounded = Duration.ofHours(age.toHours());
		} else {
			rounded = Duration.ofMinutes(Math.max(0, age.toMinutes()));
		}
		return words.get("card.age", words.duration(rounded));
	}
}
