package dev.baton.ordering;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.baton.subscription.Proration;

/**
 * Ordering settings.
 *
 * @param renewalLeadTime how long before a term ends its renewal order is placed (at most a quarter of the term)
 * @param renewalBatchSize how many subscriptions one run of the renewal job renews or closes at most
 * @param renewalInterval how often the renewal job runs (it also places the changes scheduled for the day)
 * @param proration how billing treats a change within a billing period when the order action says nothing
 * @param planProration the same per plan code (of the subscription's plan), where it differs
 */
@ConfigurationProperties("baton.ordering")
public record OrderingProperties(@DefaultValue("30d") Duration renewalLeadTime,
		@DefaultValue("500") int renewalBatchSize, @DefaultValue("1h") Duration renewalInterval,
		@DefaultValue("NEXT_INVOICE") Proration proration, Map<String, Proration> planProration) {

	public OrderingProperties {
		planProration = planProration == null ? Map.of() : Map.copyOf(planProration);
	}

	/** The proration of a change to a subscription on {@code planCode} that names none. */
	public Proration prorationOf(String planCode) {
		return planProration.getOrDefault(planCode, proration);
	}
}
