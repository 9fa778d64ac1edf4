package dev.baton.platform.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Hands the events whose listener failed to that listener again, every few minutes, cluster-wide:
 * without it a listener that failed once (a database hiccup, a module not ready) would hear its
 * event again only when an instance restarts. Listeners are idempotent, so a second hearing is
 * harmless. Publications stuck in processing (their instance died) are marked failed by Spring
 * Modulith's staleness check (spring.modulith.events.staleness.*) and come back here too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventPublicationRetry.Settings.class)
class EventPublicationRetry {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationRetry.class);

	private final FailedEventPublications failed;
	private final Settings settings;

	EventPublicationRetry(FailedEventPublications failed, Settings settings) {
		this.failed = failed;
		this.settings = settings;
	}

	/**
	 * How failed event publications are retried ({@code baton.events.*}).
	 *
	 * @param retryInterval how often failed publications are handed to their listeners again
	 * @param retryAfter how long a publication stays failed before it is retried
	 * @param retryBatch the most publications one retry hands out
	 */
	@ConfigurationProperties("baton.events")
	record Settings(@DefaultValue("5m") Duration retryInterval, @DefaultValue("1m") Duration retryAfter,
			@DefaultValue("500") int retryBatch) {
	}

	/** Hands the failed publications older than {@code retry-after} to their listeners again. */
	void retryFailed() {
		retryFailedOlderThan(settings.retryAfter());
	}

	void retryFailedOlderThan(Duration age) {
		log.debug("Retrying failed event publications older than {}", age);
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(age).withBatchSize(settings.retryBatch()));
	}

	@Bean
	RecurringTask<Void> eventPublicationRetryTask() {
		return Tasks.recurring("event-publication-retry", FixedDelay.of(settings.retryInterval()))
				.execute((instance, context) -> retryFailed());
	}
}
