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
 * @param heartbeatInterval how often an instance marks the work it runs as still running; work of an
 *        instance that missed six marks (it crashed) is taken up again by another, or by itself restarted
 */
@ConfigurationProperties("baton.scheduler")
record SchedulingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("2") int threads,
		@DefaultValue("10s") Duration pollingInterval, @DefaultValue("5m") Duration heartbeatInterval) {
}
