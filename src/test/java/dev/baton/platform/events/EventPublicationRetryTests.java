package dev.baton.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.BatonIntegrationTest;

/**
 * A listener that failed hears its event again from the retry job, not only after a restart; and
 * once it succeeds the publication is complete and is not handed out again.
 */
@BatonIntegrationTest
class EventPublicationRetryTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FailingOnceListener listener;

	@Autowired
	EventPublicationRetry retry;

	@Autowired
	JdbcClient jdbc;

	private int incomplete(UUID id) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :id")
				.param("id", "%" + id + "%").query(Integer.class).single();
	}

	@Test
	void aFailedListenerHearsItsEventAgainFromTheRetryJobAndThenNoMore() {
		var id = UUID.randomUUID();
		transactions.executeWithoutResult(status -> events.publishEvent(new FailingOnceListener.Probed(id)));
		await().atMost(Duration.ofSeconds(40)).until(() -> listener.times(id) == 1);
		await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(incomplete(id)).as("failed, kept").isEqualTo(1));

		retry.retryFailedOlderThan(Duration.ZERO);
		await().atMost(Duration.ofSeconds(40)).until(() -> listener.times(id) == 2);
		await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(incomplete(id)).as("completed").isZero());

		retry.retryFailedOlderThan(Duration.ZERO);
		assertThat(listener.times(id)).as("a completed publication is not handed out again").isEqualTo(2);
	}
}
