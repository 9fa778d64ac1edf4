package dev.baton.webhooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.webhooks.domain.EndpointPolicy;
import dev.baton.webhooks.domain.Signature;
import dev.baton.webhooks.jdbc.WebhookRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers endpoints, enqueues every event for the endpoints subscribed to its type, and answers
 * the delivery log; replays what failed. Sending is {@link WebhookSender}'s.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
public class Webhooks {

	private final WebhookRepository repository;
	private final AuditLog audit;
	private final WebhookProperties properties;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	Webhooks(WebhookRepository repository, AuditLog audit, WebhookProperties properties, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/** An event type of the catalogue, with the schema of its data. */
	public record Catalogued(String type, String description, Object schema) {
	}

	public List<Catalogued> eventTypes() {
		var types = new ArrayList<Catalogued>();
		for (var type : EventType.values()) {
			types.add(new Catalogued(type.type(), type.description(), json.readTree(type.schema())));
		}
		return types;
	}

	@Transactional
	public WebhookEndpoint.Registered register(String url, String description, List<String> eventTypes, String by) {
		EndpointPolicy.endpoint(url, eventTypes).orThrow(WebhookProblems.RULE);
		var endpoint = new WebhookEndpoint(WebhookEndpointId.of(UUID.randomUUID()), url.strip(),
				description == null || description.isBlank() ? null : description.strip(),
				eventTypes.stream().distinct().sorted().toList(), true, by, clock.instant());
		var secret = Signature.newSecret();
		repository.insertEndpoint(endpoint, secret);
		audit.record("webhook.endpoint-registered", "webhook_endpoint", endpoint.id().value(), null,
				Map.of("url", endpoint.url(), "eventTypes", endpoint.eventTypes()));
		return new WebhookEndpoint.Registered(endpoint, secret);
	}

	@Transactional(readOnly = true)
	public List<WebhookEndpoint> endpoints() {
		return repository.endpoints();
	}

	@Transactional(readOnly = true)
	public WebhookEndpoint endpoint(WebhookEndpointId id) {
		return repository.endpoint(id).orElseThrow(() -> BatonException.notFound("Webhook endpoint", id));
	}

	/** A new signing secret; the previous one keeps signing beside it for {@code previous-secret-validity}. */
	@Transactional
	public WebhookEndpoint.Registered rotateSecret(WebhookEndpointId id) {
		var endpoint = endpoint(id);
		var secret = Signature.newSecret();
		repository.rotate(id, secret, clock.instant().plus(properties.previousSecretValidity()));
		audit.record("webhook.secret-rotated", "webhook_endpoint", id.value(), null, Map.of("url", endpoint.url()));
		return new WebhookEndpoint.Registered(endpoint, secret);
	}

	/** Stops sending to the endpoint; its log stays. */
	@Transactional
	public void disable(WebhookEndpointId id) {
		var endpoint = endpoint(id);
		repository.disable(id);
		audit.record("webhook.endpoint-disabled", "webhook_endpoint", id.value(), null, Map.of("url", endpoint.url()));
	}

	/** Enqueues one event, in no particular order with the others, for every endpoint subscribed to its type. */
	@Transactional
	public int publish(EventType type, String messageId, Map<String, Object> data) {
		return publish(type, messageId, null, data);
	}

	/**
	 * Enqueues one event for every endpoint subscribed to its type; heard again, it adds nothing.
	 * Events with the same {@code orderingKey} (the subject they are about, {@code subscription:<id>})
	 * reach each endpoint in the order they were enqueued, a later one waiting while an earlier one is
	 * retried.
	 */
	@Transactional
	public int publish(EventType type, String messageId, String orderingKey, Map<String, Object> data) {
		var now = clock.instant();
		var envelope = new java.util.LinkedHashMap<String, Object>();
		envelope.put("type", type.type());
		envelope.put("timestamp", now.toString());
		envelope.put("data", data);
		return repository.enqueue(messageId, type.type(), orderingKey, json.writeValueAsString(envelope), now);
	}

	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(WebhookEndpointId endpoint, String status) {
		endpoint(endpoint);
		return repository.deliveries(endpoint, status == null || status.isBlank() ? null : status.strip().toUpperCase(), 100);
	}

	@Transactional(readOnly = true)
	public WebhookDelivery delivery(WebhookDeliveryId id) {
		return repository.delivery(id).orElseThrow(() -> BatonException.notFound("Webhook delivery", id));
	}

	/** Sends a delivered or failed delivery again, from now; one still being tried is refused. */
	@Transactional
	public WebhookDelivery replay(WebhookDeliveryId id, String by) {
		var delivery = delivery(id);
		var replayed = repository.replay(id, clock.instant());
		Decision.check().refuseIf(!replayed, WebhookRule.REPLAY, () -> "Delivery " + id + " is " + delivery.status()
				+ ": it is still being tried; replay it once it succeeded or failed").decide().orThrow(WebhookProblems.RULE);
		audit.record("webhook.delivery-replayed", "webhook_delivery", id.value(), null,
				Map.of("messageId", delivery.messageId(), "by", by));
		return delivery(id);
	}

	/** Sends every failed delivery of the endpoint again, from now. */
	@Transactional
	public int replayFailed(WebhookEndpointId endpoint, String by) {
		endpoint(endpoint);
		var count = repository.replayFailed(endpoint, clock.instant());
		audit.record("webhook.failed-replayed", "webhook_endpoint", endpoint.value(), null,
				Map.of("deliveries", count, "by", by));
		return count;
	}
}
