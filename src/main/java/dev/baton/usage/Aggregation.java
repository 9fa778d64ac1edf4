package dev.baton.usage;

/**
 * How a meter adds up the events of its type in a window.
 */
public enum Aggregation {
	/** The sum of the value (CPU minutes, gigabytes transferred). */
	SUM,
	/** The number of events (API calls, builds); reads no value. */
	COUNT,
	/** The number of distinct values, per UTC day or longer (active users). */
	UNIQUE_COUNT,
	/** The greatest value (peak concurrent runners). */
	MAX,
	/** The value of the latest event (storage used at the end of the window). */
	LATEST,
	/**
	 * A level over time (storage): each sample's value holds from its hour until the next sample, and
	 * a window's value is the level times the time it held, in unit-months (GB-months): 100 GB held
	 * for all of a month is 100 GB-months, for a day of a 30-day month 3.33.
	 */
	TIME_WEIGHTED_AVERAGE;

	/** Whether the meter reads a number from each event (every aggregation but COUNT and UNIQUE_COUNT). */
	public boolean readsNumber() {
		return this == SUM || this == MAX || this == LATEST || this == TIME_WEIGHTED_AVERAGE;
	}

	/** The unit of a window's value: the meter's unit, or unit-months for a level over time. */
	public String unitOf(String meterUnit) {
		return this == TIME_WEIGHTED_AVERAGE ? meterUnit + "-months" : meterUnit;
	}
}
