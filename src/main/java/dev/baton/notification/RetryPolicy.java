package dev.baton.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed delivery is tried again: exponential backoff from a first delay, capped, for a
 * limited number of attempts.
 */
record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

	RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be 1 or more but was " + maxAttempts);
		}
		Objects.requireNonNull(initialDelay, "initialDelay");
		Objects.requireNonNull(maxDelay, "maxDelay");
	}

	static RetryPolicy of(NotificationProperties.Retry retry) {
		return new RetryPolicy(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay());
	}

	/** Whether a delivery that has failed this many attempts is given up. */
	boolean givesUpAfter(int attempts) {
		return attempts >= maxAttempts;
	}

	/** How long to wait after the given failed attempt (1 for the first) before the next. */
	Duration delayAfter(int attempts) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be 1 or more but was " + attempts);
		}
		var delay = initialDelay;
		for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}
}
