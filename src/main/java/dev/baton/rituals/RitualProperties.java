package dev.baton.rituals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When circle rituals happen, in the time zone of the circle's board: demo jams and peer reviews
 * every two weeks counted from {@code anchor} (a Monday), on their weekdays; the win/loss retro on
 * {@code retroDay} of each quarter's first week; planned {@code horizonDays} ahead.
 */
@ConfigurationProperties("baton.governance.rituals")
record RitualProperties(@DefaultValue("2026-01-05") LocalDate anchor, @DefaultValue("THURSDAY") DayOfWeek demoJamDay,
		@DefaultValue("15:00") LocalTime demoJamTime, @DefaultValue("TUESDAY") DayOfWeek peerReviewDay,
		@DefaultValue("15:00") LocalTime peerReviewTime, @DefaultValue("WEDNESDAY") DayOfWeek retroDay,
		@DefaultValue("16:00") LocalTime retroTime, @DefaultValue("120") int horizonDays) {

	RitualProperties {
		if (anchor.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new IllegalArgumentException("baton.governance.rituals.anchor must be a Monday but was " + anchor
					+ " (" + anchor.getDayOfWeek() + ")");
		}
		if (horizonDays < 1 || horizonDays > 400) {
			throw new IllegalArgumentException(
					"baton.governance.rituals.horizon-days must be 1 to 400 but was " + horizonDays);
		}
	}
}
