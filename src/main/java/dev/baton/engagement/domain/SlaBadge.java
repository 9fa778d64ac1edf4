package dev.baton.engagement.domain;

import java.time.Duration;
import java.time.Instant;

import dev.baton.engagement.RequestStatus;
import dev.baton.organisation.BusinessCalendar;

/**
 * The clock badge of a request: which clock runs for its state, how much of it is left (counted
 * on the board's basis, so a night or a weekend does not turn a card amber), when it is due, and
 * whether it is on time (green), has less than a quarter of its time left (amber) or is breached
 * (red). {@link BadgeWords} puts it in words.
 *
 * @param level the colour
 * @param clock which clock the badge is about
 * @param state what the badge says about it
 * @param left the time left on the board's basis, for {@link State#LEFT}; else zero
 * @param dueAt when the clock is due, null when none runs
 * @param basis business time or calendar time
 */
public record SlaBadge(Level level, Clock clock, State state, Duration left, Instant dueAt, TimeBasis basis) {

	/** How urgent. */
	public enum Level {
		GREEN, AMBER, RED, PAUSED, NONE;

		public String css() {
			return name().toLowerCase();
		}
	}

	/** The clock a badge is about. */
	public enum Clock {
		TRIAGE, SLA, NONE
	}

	/** What a badge says. */
	public enum State {
		/** Time is left: {@link SlaBadge#left}. */
		LEFT,
		/** The clock ran out. */
		OVERDUE,
		/** A New request whose SLA already ran out. */
		BREACHED,
		/** Waiting on the AE: the clocks stand still. */
		PAUSED,
		/** Awaiting approval: no clock runs yet. */
		AWAITING_APPROVAL,
		/** Work started within the SLA. */
		MET,
		/** Work started after the SLA. */
		MISSED,
		/** Nothing to say. */
		NONE
	}

	/** Below this share of the target time left, a clock turns amber. */
	static final double AMBER_SHARE = 0.25;

	public String css() {
		return level.css();
	}

	public boolean isEmpty() {
		return state == State.NONE;
	}

	public static SlaBadge assess(RequestStatus status, Instant receivedAt, Instant triageDueAt, Instant slaDueAt,
			Instant engagedAt, BusinessCalendar calendar, TimeBasis basis, Instant now) {
		switch (status) {
			case AWAITING_APPROVAL:
				return new SlaBadge(Level.NONE, Clock.NONE, State.AWAITING_APPROVAL, Duration.ZERO, null, basis);
			case SA_WAITING:
				return new SlaBadge(Level.PAUSED, Clock.NONE, State.PAUSED, Duration.ZERO, null, basis);
			case NEW:
				if (slaDueAt != null && !now.isBefore(slaDueAt)) {
					return new SlaBadge(Level.RED, Clock.SLA, State.BREACHED, Duration.ZERO, slaDueAt, basis);
				}
				return clock(Clock.TRIAGE, receivedAt, triageDueAt, calendar, basis, now);
			case SA_TRIAGED:
				return clock(Clock.SLA, receivedAt, slaDueAt, calendar, basis, now);
			case SA_DOING:
			case SA_FOLLOWUP:
			case DONE:
				if (engagedAt != null && slaDueAt != null) {
					return engagedAt.isAfter(slaDueAt)
							? new SlaBadge(Level.RED, Clock.SLA, State.MISSED, Duration.ZERO, slaDueAt, basis)
							: new SlaBadge(Level.GREEN, Clock.SLA, State.MET, Duration.ZERO, slaDueAt, basis);
				}
				return none(basis);
			default:
				return none(basis);
		}
	}

	private static SlaBadge none(TimeBasis basis) {
		return new SlaBadge(Level.NONE, Clock.NONE, State.NONE, Duration.ZERO, null, basis);
	}

	private static SlaBadge clock(Clock clock, Instant from, Instant due, BusinessCalendar calendar, TimeBasis basis,
			Instant now) {
		if (due == null || from == null) {
			return none(basis);
		}
		if (!now.isBefore(due)) {
			return new SlaBadge(Level.RED, clock, State.OVERDUE, Duration.ZERO, due, basis);
		}
		var target = basis.between(calendar, from, due);
		var left = basis.between(calendar, now, due);
		if (target.isZero() || left.toSeconds() < target.toSeconds() * AMBER_SHARE) {
			return new SlaBadge(Level.AMBER, clock, State.LEFT, left, due, basis);
		}
		return new SlaBadge(Level.GREEN, clock, State.LEFT, left, due, basis);
	}
}
