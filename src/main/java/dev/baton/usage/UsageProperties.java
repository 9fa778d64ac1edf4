package dev.baton.usage;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage is taken in ({@code baton.usage.*}).
 *
 * @param maxBatch the most events one batch request carries; a larger one answers 413
 * @param maxEventAge how old an event's time may be when it arrives; older ones are rejected
 * @param clockSkew how far in the future an event's time may be (the sender's clock runs ahead)
 * @param maxDataBytes the largest data one event carries, as JSON
 * @param periodCloseGrace how long after a billing period (a UTC month) ends it closes; events for it
 *        that arrive later are late and billed as an adjustment on the next invoice
 * @param closeInterval how often the period-close job looks for periods to close
 * @param packExpiry how long a prepaid pack may be drawn on after it is bought
 * @param levelHoldsFor how long a sampled level (TIME_WEIGHTED_AVERAGE) holds without a new sample
 * @param noticeInterval how often the notice job looks for subjects near the end of what they may use
 * @param kafka the Kafka source of usage events, off unless enabled
 */
@ConfigurationProperties("baton.usage")
public record UsageProperties(@DefaultValue("1000") int maxBatch, @DefaultValue("35d") Duration maxEventAge,
		@DefaultValue("5m") Duration clockSkew, @DefaultValue("16384") int maxDataBytes,
		@DefaultValue("1d") Duration periodCloseGrace, @DefaultValue("15m") Duration closeInterval,
		@DefaultValue("12m") Period packExpiry, @DefaultValue("31d") Duration levelHoldsFor,
		@DefaultValue("5m") Duration noticeInterval, @DefaultValue Kafka kafka) {

	/**
	 * The Kafka source: a topic of CloudEvents (structured JSON mode; a record may also hold a JSON
	 * array of events) counted through the same path as HTTP, exactly once by (source, id).
	 *
	 * @param enabled consume the topic in this instance
	 * @param bootstrapServers the brokers to connect to, comma separated
	 * @param topic the topic of usage events
	 * @param groupId the consumer group every Baton instance joins, so each partition is read by one
	 * @param deadLetterTopic where rejected events go with their reasons; empty logs them only
	 * @param maxPollRecords the most records one poll takes, stored in one go
	 */
	public record Kafka(@DefaultValue("false") boolean enabled, @DefaultValue("localhost:9092") String bootstrapServers,
			@DefaultValue("baton.usage.events") String topic, @DefaultValue("baton-usage") String groupId,
			@DefaultValue("baton.usage.events.rejected") String deadLetterTopic,
			@DefaultValue("1000") int maxPollRecords) {
	}
}
