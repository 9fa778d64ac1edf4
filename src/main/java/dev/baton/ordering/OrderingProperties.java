package dev.baton.ordering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ordering settings.
 *
 * @param renewalLeadTime how long before a term ends its renewal order is placed (at most a quarter of the term)
 * @param renewalBatchSize how many subscriptions one run of the renewal job renews or closes at most
 * @param renewalInterval how often the renewal job runs
 */
@ConfigurationProperties("baton.ordering")
public record OrderingProperties(@DefaultValue("30d") Duration renewalLeadTime,
		@DefaultValue("500") int renewalBatchSize, @DefaultValue("1h") Duration renewalInterval) {
}
