package dev.baton.engagement.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.baton.organisation.BusinessCalendar;

/**
 * The due times of a request on its board's calendar, with the reasons for each, so an AE can
 * see them before filing and an SA can see why a request is due when it is.
 */
public final class RequestClock {

	/** A meeting less than this far ahead makes a request Fast Track. */
	public static final Duration FAST_TRACK_WINDOW = Duration.ofHours(24);

	private RequestClock() {
	}

	/** When triage and the activity SLA fall due, and why. */
	public record DueTimes(Instant receivedAt, Instant triageDueAt, Instant slaDueAt, boolean fastTrack, List<String> reasons) {
	}

	public static DueTimes compute(BusinessCalendar calendar, SlaPolicy policy, Instant receivedAt, boolean expedite,
			Instant firstMeeting) {
		var reasons = new ArrayList<String>();
		var basis = policy.basis();
		var unit = basis.unit();
		var fastTrack = firstMeeting != null && firstMeeting.isBefore(receivedAt.plus(FAST_TRACK_WINDOW));
		var triageDue = basis.addDays(calendar, receivedAt, policy.triageDays());
		reasons.add("Triage is due " + plural(policy.triageDays(), unit + "day") + " after receipt"
				+ (basis == TimeBasis.BUSINESS ? " on the board's " + calendar.zone() + " calendar" : ""));
		Instant slaDue;
		if (expedite) {
			slaDue = basis.addTime(calendar, receivedAt, policy.expediteTime());
			reasons.add("Expedite: the activity SLA is " + hours(policy.expediteTime()) + " " + unit + "hours");
		} else {
			slaDue = basis.addDays(calendar, receivedAt, policy.activityDays());
			reasons.add("The activity SLA is " + plural(policy.activityDays(), unit + "day"));
		}
		if (firstMeeting != null) {
			var prepared = basis.subtractTime(calendar, firstMeeting, policy.preparationBuffer());
			if (prepared.isBefore(slaDue)) {
				slaDue = prepared.isBefore(receivedAt) ? receivedAt : prepared;
				reasons.add("The first meeting at " + firstMeeting + " comes first: the SLA falls due "
						+ hours(policy.preparationBuffer()) + " " + unit + "hours before it"
						+ (prepared.isBefore(receivedAt) ? ", which has already passed, so it is due now" : ""));
			}
		}
		if (slaDue.isBefore(triageDue)) {
			triageDue = slaDue;
			reasons.add("Triage is due no later than the SLA");
		}
		if (fastTrack) {
			reasons.add("Fast Track: the first meeting is less than 24 hours after filing");
		}
		return new DueTimes(receivedAt, triageDue, slaDue, fastTrack, List.copyOf(reasons));
	}

	/**
	 * A due time after a pause: the (business) time that was left when the clock stopped is
	 * granted again from the moment it restarts. A due time already passed stays where it was.
	 */
	public static Instant resumed(BusinessCalendar calendar, TimeBasis basis, Instant due, Instant pausedAt,
			Instant resumedAt) {
		if (due == null || !due.isAfter(pausedAt)) {
			return due;
		}
		var left = basis.between(calendar, pausedAt, due);
		return basis.addTime(calendar, resumedAt, left);
	}

	private static String plural(int count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

	private static String hours(Duration duration) {
		var minutes = duration.toMinutes();
		return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
	}
}
