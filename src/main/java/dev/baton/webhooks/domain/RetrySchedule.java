package dev.baton.webhooks.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after each of {@code delays} in turn (by default 5 seconds,
 * 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours and 10 hours, as Standard Webhooks senders do),
 * then never: the delivery has failed and waits for a replay.
 */
public record RetrySchedule(List<Duration> delays) {

	public RetrySchedule {
		delays = List.copyOf(delays);
	}

	/** The wait after the {@code attempts}-th failed attempt, or empty when that was the last one. */
	public Optional<Duration> after(int attempts) {
		return attempts >= 1 && attempts <= delays.size() ? Optional.of(delays.get(attempts - 1)) : Optional.empty();
	}
}
