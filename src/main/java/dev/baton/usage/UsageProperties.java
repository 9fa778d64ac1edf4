package dev.baton.usage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How usage is taken in ({@code baton.usage.*}).
 *
 * @param maxBatch the most events one batch request carries; a larger one answers 413
 * @param maxEventAge how old an event's time may be when it arrives; older ones are rejected
 * @param clockSkew how far in the future an event's time may be (the sender's clock runs ahead)
 * @param maxDataBytes the largest data one event carries, as JSON
 */
@ConfigurationProperties("baton.usage")
public record UsageProperties(@DefaultValue("1000") int maxBatch, @DefaultValue("35d") Duration maxEventAge,
		@DefaultValue("5m") Duration clockSkew, @DefaultValue("16384") int maxDataBytes) {
}
