package dev.baton.webhooks.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.webhooks.WebhookDelivery;
import dev.baton.webhooks.WebhookDeliveryId;
import dev.baton.webhooks.WebhookEndpoint;
import dev.baton.webhooks.WebhookEndpointId;
import dev.baton.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The webhooks API: the event catalogue for everyone on the staff; endpoints, the delivery log and
 * replays for administrators.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record NewEndpoint(String url, String description, List<String> eventTypes) {
	}

	@GetMapping("/event-types")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','CSM')")
	@Operation(summary = "The event catalogue: every event type with the JSON schema of its data")
	List<Webhooks.Catalogued> eventTypes() {
		return webhooks.eventTypes();
	}

	@PostMapping("/endpoints")
	@Operation(summary = "Register an endpoint for event types; the answer shows its signing secret, this once")
	ResponseEntity<WebhookEndpoint.Registered> register(@RequestBody NewEndpoint request, Authentication caller) {
		var registered = webhooks.register(request.url(), request.description(), request.eventTypes(), caller.getName());
		return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + registered.endpoint().id()))
				.body(registered);
	}

	@GetMapping("/endpoints")
	@Operation(summary = "Every endpoint (without secrets)")
	List<WebhookEndpoint> endpoints() {
		return webhooks.endpoints();
	}

	@GetMapping("/endpoints/{id}")
	@Operation(summary = "One endpoint (without its secret)")
	WebhookEndpoint endpoint(@PathVariable WebhookEndpointId id) {
		return webhooks.endpoint(id);
	}

	@DeleteMapping("/endpoints/{id}")
	@Operation(summary = "Stop sending to an endpoint; its delivery log stays")
	ResponseEntity<Void> disable(@PathVariable WebhookEndpointId id) {
		webhooks.disable(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/endpoints/{id}/secret-rotation")
	@Operation(summary = "A new signing secret, shown this once; the previous one keeps signing beside it for a day")
	WebhookEndpoint.Registered rotate(@PathVariable WebhookEndpointId id) {
		return webhooks.rotateSecret(id);
	}

	@GetMapping("/endpoints/{id}/deliveries")
	@Operation(summary = "The endpoint's latest 100 deliveries, newest first, optionally of one status")
	List<WebhookDelivery> deliveries(@PathVariable WebhookEndpointId id, @RequestParam(required = false) String status) {
		return webhooks.deliveries(id, status);
	}

	@PostMapping("/endpoints/{id}/replay")
	@Operation(summary = "Send every failed delivery of the endpoint again, from now")
	Map<String, Integer> replayFailed(@PathVariable WebhookEndpointId id, Authentication caller) {
		return Map.of("replayed", webhooks.replayFailed(id, caller.getName()));
	}

	@GetMapping("/deliveries/{id}")
	@Operation(summary = "One delivery with its payload and every attempt")
	WebhookDelivery delivery(@PathVariable WebhookDeliveryId id) {
		return webhooks.delivery(id);
	}

	@PostMapping("/deliveries/{id}/replay")
	@Operation(summary = "Send a delivered or failed delivery again, from now")
	WebhookDelivery replay(@PathVariable WebhookDeliveryId id, Authentication caller) {
		return webhooks.replay(id, caller.getName());
	}
}
