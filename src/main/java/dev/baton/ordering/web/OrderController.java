package dev.baton.ordering.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.audit.AuditLog;
import dev.baton.billing.OrderPreview;
import dev.baton.ordering.Channel;
import dev.baton.ordering.Order;
import dev.baton.ordering.OrderId;
import dev.baton.ordering.Orders;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Placing and reading orders. Deal desk places sales-assisted, partner and marketplace orders;
 * administrators may too.
 */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','CSM')")
class OrderController {

	private final Orders orders;

	OrderController(Orders orders) {
		this.orders = orders;
	}

	record PlaceOrder(Channel channel, UUID opportunityId, List<SubscriptionChange> actions) {
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Place an order: its actions are applied whole or not at all (201); a repeat with the same "
			+ "Idempotency-Key answers the first answer again and changes nothing")
	ResponseEntity<Order> place(@RequestBody PlaceOrder request, Authentication caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestHeader(name = AuditLog.REASON_HEADER, required = false) String reason) {
		var placed = orders.place(new Orders.PlaceOrder(request.channel(), request.opportunityId(), request.actions(),
				reason, caller.getName(), key == null || key.isBlank() ? null : key.strip()));
		var order = placed.order();
		return placed.created() ? ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order)
				: ResponseEntity.ok(order);
	}

	@PostMapping("/preview")
	@Operation(summary = "What a draft order would cost, before anyone commits: per subscription what it adds to the "
			+ "invoice now and what the next period costs after it (at renewal prices when it starts a new term), by the "
			+ "billing engine over the timelines the order would make; refused as placing it would be; writes nothing")
	OrderPreview preview(@RequestBody PlaceOrder request, Authentication caller) {
		return orders.preview(new Orders.PlaceOrder(request.channel(), request.opportunityId(), request.actions(), null,
				caller.getName(), null));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an order")
	Order order(@PathVariable OrderId id) {
		return orders.order(id);
	}

	@GetMapping
	@Operation(summary = "The orders that created or changed a subscription, oldest first")
	List<Order> ofSubscription(@RequestParam SubscriptionId subscriptionId) {
		return orders.ofSubscription(subscriptionId);
	}
}
