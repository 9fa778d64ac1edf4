package dev.baton.engagement.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A board's clock targets, in business time on the board's calendar (the default) or in plain
 * calendar time.
 *
 * @param triageDays business days to triage a request (default 1)
 * @param activityDays business days for the activity SLA (default 2: "48 hours")
 * @param expediteTime the activity SLA of a request labelled Expedite (default 4 business hours)
 * @param preparationBuffer how long before the first meeting the SLA falls due at the latest
 *        (default 4 business hours), so no SA learns of a meeting too late
 * @param dueSoonWithin how long before the triage due time the circle is reminded (default 2 business hours)
 * @param basis whether the targets count business time or every hour
 */
public record SlaPolicy(String boardKey, int triageDays, int activityDays, Duration expediteTime,
		Duration preparationBuffer, Duration dueSoonWithin, TimeBasis basis, int version) {

	public SlaPolicy {
		Objects.requireNonNull(boardKey, "boardKey");
		if (basis == null) {
			basis = TimeBasis.BUSINESS;
		}
		if (triageDays < 1 || triageDays > 10) {
			throw dev.baton.platform.BatonException.invalid("triageDays", "must be between 1 and 10 business days");
		}
		if (activityDays < 1 || activityDays > 30) {
			throw dev.baton.platform.BatonException.invalid("activityDays", "must be between 1 and 30 business days");
		}
		requirePositive("expediteTime", expediteTime);
		requirePositive("preparationBuffer", preparationBuffer);
		requirePositive("dueSoonWithin", dueSoonWithin);
	}

	/** The defaults of the engagement model. */
	public static SlaPolicy standard(String boardKey) {
		return new SlaPolicy(boardKey, 1, 2, Duration.ofHours(4), Duration.ofHours(4), Duration.ofHours(2),
				TimeBasis.BUSINESS, 0);
	}

	private static void requirePositive(String field, Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero() || duration.toDays() > 30) {
			throw dev.baton.platform.BatonException.invalid(field, "must be a positive ISO-8601 duration of at most 30 days, such as PT4H");
		}
	}
}
