package dev.baton.notification;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings.
 *
 * @param baseUrl where people open Baton; links point to {@code {baseUrl}/requests/{id}}
 * @param mailFrom the From address of notification e-mail
 * @param connectTimeout how long to wait for a chat webhook or the mail server to accept a connection
 * @param readTimeout how long to wait for a chat webhook or the mail server to answer
 * @param retry how failed deliveries are retried
 * @param retention how long read inbox items and finished deliveries are kept
 */
@ConfigurationProperties("baton.notifications")
record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("baton@localhost") String mailFrom, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue Retry retry, @DefaultValue Retention retention) {

	NotificationProperties {
		Objects.requireNonNull(baseUrl, "baton.notifications.base-url");
		baseUrl = baseUrl.strip();
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		if (mailFrom == null || mailFrom.isBlank()) {
			throw new IllegalArgumentException("baton.notifications.mail-from must be an e-mail address");
		}
		requirePositive("baton.notifications.connect-timeout", connectTimeout);
		requirePositive("baton.notifications.read-timeout", readTimeout);
	}

	/**
	 * How failed deliveries are retried: the n-th failure waits {@code initialDelay * 2^(n-1)}, at
	 * most {@code maxDelay}; after {@code maxAttempts} attempts the delivery is given up.
	 *
	 * @param pollInterval how often each instance looks for deliveries that are due (read by the
	 *        {@code @Scheduled} poller through its placeholder, which repeats this default)
	 * @param batchSize the most deliveries one poll sends, so one poll never occupies the scheduler long
	 */
	record Retry(@DefaultValue("10") int maxAttempts, @DefaultValue("1m") Duration initialDelay,
			@DefaultValue("1h") Duration maxDelay, @DefaultValue("30s") Duration pollInterval,
			@DefaultValue("100") int batchSize) {

		Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("baton.notifications.retry.max-attempts must be 1 or more but was "
						+ maxAttempts);
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("baton.notifications.retry.batch-size must be 1 or more but was "
						+ batchSize);
			}
			requirePositive("baton.notifications.retry.initial-delay", initialDelay);
			requirePositive("baton.notifications.retry.max-delay", maxDelay);
			requirePositive("baton.notifications.retry.poll-interval", pollInterval);
		}
	}

	/**
	 * How long notifications are kept (see {@code NotificationRetention}).
	 *
	 * @param readInbox how long an inbox item is kept after it was read; unread items stay
	 * @param deliveries how long a sent or given-up chat or e-mail delivery is kept
	 */
	record Retention(@DefaultValue("180d") Duration readInbox, @DefaultValue("90d") Duration deliveries) {

		Retention {
			requirePositive("baton.notifications.retention.read-inbox", readInbox);
			requirePositive("baton.notifications.retention.deliveries", deliveries);
		}
	}

	/**
	 * How long an instance holds a delivery it is sending before another may take it over: long
	 * enough to outlast any send (so nothing goes out twice), short enough that a crash delays a
	 * message by minutes only.
	 */
	Duration claimLease() {
		var worstSend = connectTimeout.plus(readTimeout).multipliedBy(4);
		return worstSend.compareTo(Duration.ofMinutes(5)) > 0 ? worstSend : Duration.ofMinutes(5);
	}

	private static void requirePositive(String key, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(key + " must be a positive duration but was " + value);
		}
	}
}
