package dev.baton.platform.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cluster-wide scheduler's settings.
 *
 * @param enabled run scheduled work in this instance
 * @param threads how many tasks this instance runs at once
 * @param pollingInterval how often this instance looks for due work
 */
@ConfigurationProperties("baton.scheduler")
record SchedulingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int threads,
		@DefaultValue("10s") Duration pollingInterval) {
}
