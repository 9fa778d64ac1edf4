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
	LATEST;

	/** Whether the meter reads a number from each event (every aggregation but COUNT and UNIQUE_COUNT). */
	public boolean readsNumber() {
		return this == SUM || this == MAX || this == LATEST;
	}
}
