package dev.baton.ordering;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.billing.InvoiceOwnerLocks;
import dev.baton.ordering.domain.OrderPolicy;
import dev.baton.ordering.jdbc.OrderRepository;
import dev.baton.platform.BatonException;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * Places orders: checks the order as a whole, applies its actions to the subscriptions and writes
 * the order, all in one transaction, so an order is placed whole or not at all.
 */
@Service
public class Orders {

	private final OrderRepository repository;
	private final Subscriptions subscriptions;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final InvoiceOwnerLocks locks;

	Orders(OrderRepository repository, Subscriptions subscriptions, AuditLog audit, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, InvoiceOwnerLocks locks) {
		this.locks = locks;
		this.repository = repository;
		this.subscriptions = subscriptions;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** An order to place; {@code clientKey} is the client's Idempotency-Key, if it sent one. */
	public record PlaceOrder(Channel channel, UUID opportunityId, List<SubscriptionChange> actions, String reason,
			String placedBy, String clientKey) {
	}

	/** The order, and whether this call placed it ({@code false}: the same key placed it before). */
	public record Placed(Order order, boolean created) {
	}

	/**
	 * Places an order. A repeat with the same client key answers the order placed the first time
	 * and changes nothing, also when both arrive at once (the unique key decides).
	 */
	public Placed place(PlaceOrder request) {
		if (request.clientKey() != null) {
			var earlier = transactions.execute(status -> repository.byClientKey(request.placedBy(), request.clientKey()));
			if (earlier.isPresent()) {
				return new Placed(earlier.get(), false);
			}
		}
		try {
			return new Placed(transactions.execute(status -> placeNow(request)), true);
		}
		catch (DuplicateKeyException sameKey) {
			// another call with this key committed first; this one rolled back whole
			var first = repository.byClientKey(request.placedBy(), request.clientKey())
					.orElseThrow(() -> sameKey);
			return new Placed(first, false);
		}
	}

	private Order placeNow(PlaceOrder request) {
		OrderPolicy.check(request.channel(), request.actions()).orThrow(OrderingProblems.RULE);
		var id = OrderId.random();
		var number = repository.nextNumber();
		var ref = new Subscriptions.OrderRef(id.value(), number, request.placedBy(), request.reason());
		// an order and the billing run never interleave on an account: both hold its invoice owner's lock
		locks.lock(invoiceOwners(request.actions()));
		var touched = new ArrayList<SubscriptionId>();
		for (int i = 0; i < request.actions().size(); i++) {
			var action = request.actions().get(i);
			if (action == null) {
				throw BatonException.invalid("actions[" + i + "]", "is null; each action has a type");
			}
			try {
				touched.add(subscriptions.apply(ref, action).id());
			}
			catch (BatonException refused) {
				throw atAction(i, action, refused);
			}
		}
		var order = new Order(id, number, request.channel(), request.opportunityId(), request.placedBy(),
				request.reason(), clock.instant(), request.actions(), touched);
		repository.insert(order, request.clientKey());
		audit.record("order.placed", "purchase_order", id.value(), request.reason(), Map.of("number", number,
				"channel", request.channel().name(), "actions", request.actions().stream().map(SubscriptionChange::action).toList()));
		events.publishEvent(new OrderPlaced(order));
		return order;
	}

	/** The invoice owners whose accounts the actions touch (a transfer of a direct sale touches two). */
	private java.util.Set<UUID> invoiceOwners(List<SubscriptionChange> actions) {
		var owners = new java.util.HashSet<UUID>();
		for (var action : actions) {
			if (action instanceof SubscriptionChange.Create create) {
				if (create.parties() != null && create.parties().ownerAccountId() != null) {
					owners.add(create.parties().invoiceOwnerAccountId());
				}
				continue;
			}
			if (action == null || action.subscriptionId() == null) {
				continue;
			}
			try {
				var parties = subscriptions.subscription(action.subscriptionId()).parties();
				owners.add(parties.invoiceOwnerAccountId());
				if (action instanceof SubscriptionChange.TransferOwner transfer && transfer.newOwnerAccountId() != null) {
					owners.add(parties.withOwner(transfer.newOwnerAccountId()).invoiceOwnerAccountId());
				}
			}
			catch (BatonException notFound) {
				// applying the action says so, naming the action
			}
		}
		return owners;
	}

	/** The same refusal, saying which action of the order it is about. */
	private static BatonException atAction(int index, SubscriptionChange action, BatonException refused) {
		var properties = new java.util.LinkedHashMap<String, Object>(refused.properties());
		properties.put("actionIndex", index);
		var fields = refused.fieldErrors().stream()
				.map(e -> new dev.baton.platform.FieldError("actions[" + index + "]." + e.field(), e.message())).toList();
		return new BatonException(refused.type(), "actions[" + index + "] (" + action.action() + "): "
				+ refused.getMessage(), fields, properties);
	}

	public Order order(OrderId id) {
		return transactions.execute(status -> repository.find(id)).orElseThrow(() -> BatonException.notFound("Order", id));
	}

	public List<Order> ofSubscription(SubscriptionId id) {
		return transactions.execute(status -> repository.ofSubscription(id));
	}
}
