package dev.baton.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One event delivered (or being delivered) to one endpoint, with its log of attempts.
 *
 * @param orderingKey the subject whose deliveries to this endpoint go out in order ({@code subscription:<id>}),
 *        or null for none
 * @param sequence the order the delivery was written in; within one ordering key, the order of the events
 * @param status PENDING (waiting for its next attempt), SENDING, SUCCEEDED or FAILED (given up: replay it)
 * @param attempts the attempts since it was enqueued or last replayed
 */
public record WebhookDelivery(WebhookDeliveryId id, WebhookEndpointId endpointId, String messageId, String eventType,
		String orderingKey, long sequence, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
		String lastError, Instant createdAt, Instant deliveredAt, String payload, List<Attempt> log) {

	public WebhookDelivery {
		log = List.copyOf(log);
	}

	/** One attempt: when, the HTTP status answered (null when none came), how long it took, and the error. */
	public record Attempt(Instant attemptedAt, Integer statusCode, int durationMs, String error) {
	}
}
