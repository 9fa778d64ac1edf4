package dev.baton.engagement.domain;

import java.time.Duration;
import java.time.Instant;

import dev.baton.organisation.BusinessCalendar;

/**
 * Whether a board's clocks count business time on its calendar or plain elapsed time.
 */
public enum TimeBasis {

	/** Only working hours count: nights, weekends and holidays do not. */
	BUSINESS,
	/** Every hour counts: a day is 24 hours. */
	CALENDAR;

	public Instant addDays(BusinessCalendar calendar, Instant from, int days) {
		return this == BUSINESS ? calendar.addBusinessDays(from, days) : from.plus(Duration.ofDays(days));
	}

	public Instant addTime(BusinessCalendar calendar, Instant from, Duration time) {
		return this == BUSINESS ? calendar.addBusinessTime(from, time) : from.plus(time);
	}

	public Instant subtractTime(BusinessCalendar calendar, Instant to, Duration time) {
		return this == BUSINESS ? calendar.subtractBusinessTime(to, time) : to.minus(time);
	}

	public Duration between(BusinessCalendar calendar, Instant from, Instant to) {
		return this == BUSINESS ? calendar.businessTimeBetween(from, to) : Duration.between(from, to);
	}

	public String unit() {
		return this == BUSINESS ? "business " : "";
	}
}
