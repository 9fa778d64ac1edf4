package dev.baton.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.billing.InvoiceOwnerLocks;
import dev.baton.billing.Invoices;
import dev.baton.billing.OrderPreview;
import dev.baton.billing.OrderPreviews;
import dev.baton.catalog.Catalog;
import dev.baton.ordering.jdbc.ScheduledChangeRepository;
import dev.baton.subscription.Subscription;
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
	private final Invoices invoices;
	private final Catalog catalog;
	private final ScheduledChangeRepository scheduled;
	private final OrderingProperties properties;
	private final OrderPreviews previews;

	Orders(OrderRepository repository, Subscriptions subscriptions, AuditLog audit, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, InvoiceOwnerLocks locks, Invoices invoices, Catalog catalog,
			ScheduledChangeRepository scheduled, OrderingProperties properties, OrderPreviews previews) {
		this.previews = previews;
		this.locks = locks;
		this.invoices = invoices;
		this.catalog = catalog;
		this.scheduled = scheduled;
		this.properties = properties;
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

	/**
	 * What the order would cost if placed now, by the billing engine over the timelines it would
	 * make: checked as placing it would check it, with the same defaults (proration, a downgrade
	 * waiting for the period end), and nothing written.
	 */
	public OrderPreview preview(PlaceOrder request) {
		OrderPolicy.check(request.channel(), request.actions()).orThrow(OrderingProblems.RULE);
		var today = LocalDate.now(clock);
		var planned = new ArrayList<OrderPreviews.Planned>();
		eachAction(request.actions(), (i, action) -> {
			var resolved = resolve(action, today);
			planned.add(new OrderPreviews.Planned(resolved.action(), resolved.deferredTo()));
		});
		return previews.preview(planned);
	}

	private Order placeNow(PlaceOrder request) {
		OrderPolicy.check(request.channel(), request.actions()).orThrow(OrderingProblems.RULE);
		var id = OrderId.random();
		var number = repository.nextNumber();
		var ref = new Subscriptions.OrderRef(id.value(), number, request.placedBy(), request.reason());
		// an order and the billing run never interleave on an account: both hold its invoice owner's lock
		locks.lock(invoiceOwners(request.actions()));
		var today = LocalDate.now(clock);
		var touched = new ArrayList<SubscriptionId>();
		var placed = new ArrayList<SubscriptionChange>();
		var scheduled = new ArrayList<Order.Scheduled>();
		var toSchedule = new ArrayList<ScheduledChange>();
		// a change placed by the scheduled-change job is the scheduled change itself: it supersedes nothing
		var placingScheduled = request.clientKey() != null && request.clientKey().startsWith(ScheduledChanges.KEY_PREFIX);
		eachAction(request.actions(), (i, action) -> {
			var resolved = resolve(action, today);
			placed.add(resolved.action());
			if (!placingScheduled) {
				supersede(resolved.action(), number);
			}
			if (resolved.deferredTo() != null) {
				// checked now as it would be placed now, so what the rules refuse is refused today
				subscriptions.simulate(null, resolved.action());
				var change = new ScheduledChange(UUID.randomUUID(), action.subscriptionId(), id, resolved.action(),
						resolved.deferredTo(), ScheduledChange.Status.PENDING, null, null);
				toSchedule.add(change);
				scheduled.add(new Order.Scheduled(i, resolved.deferredTo(), change.id()));
				touched.add(action.subscriptionId());
			}
			else {
				touched.add(subscriptions.apply(ref, resolved.action()).id());
			}
		});
		var order = new Order(id, number, request.channel(), request.opportunityId(), request.placedBy(),
				request.reason(), clock.instant(), placed, touched, scheduled);
		repository.insert(order, request.clientKey());
		for (int i = 0; i < toSchedule.size(); i++) {
			this.scheduled.insert(toSchedule.get(i), scheduled.get(i).actionIndex(), request.channel(), clock.instant());
		}
		audit.record("order.placed", "purchase_order", id.value(), request.reason(), Map.of("number", number,
				"channel", request.channel().name(), "actions", request.actions().stream().map(SubscriptionChange::action).toList()));
		events.publishEvent(new OrderPlaced(order));
		return order;
	}

	/** An action with its proration and timing decided, and the day it is deferred to (null: now). */
	private record Resolved(SubscriptionChange action, LocalDate deferredTo) {
	}

	/**
	 * Decides what the action leaves to defaults: the proration of a change within a billing period
	 * (the plan's, else the setting's), and when a change of seats or plan takes effect: a
	 * reduction or a move to a plan with a lower list price at the start of the next billing
	 * period, anything else now.
	 */
	private Resolved resolve(SubscriptionChange action, LocalDate today) {
		if (action.subscriptionId() == null) {
			return new Resolved(action, null);
		}
		if (action instanceof SubscriptionChange.ChangeSeats seats) {
			var current = subscriptions.subscription(seats.subscriptionId());
			var proration = seats.proration() != null ? seats.proration() : properties.prorationOf(current.planCode());
			var later = seats.effective() != null ? seats.effective() == SubscriptionChange.Effective.PERIOD_END
					: seats.seats() != null && seats.seats() < current.seats();
			return new Resolved(seats.now(proration), later ? invoices.nextPeriodStart(current.id(), today) : null);
		}
		if (action instanceof SubscriptionChange.ChangePlan plan) {
			var current = subscriptions.subscription(plan.subscriptionId());
			var proration = plan.proration() != null ? plan.proration() : properties.prorationOf(current.planCode());
			var later = plan.effective() != null ? plan.effective() == SubscriptionChange.Effective.PERIOD_END
					: cheaper(current, plan.planCode(), today);
			return new Resolved(plan.now(proration), later ? invoices.nextPeriodStart(current.id(), today) : null);
		}
		if (action instanceof SubscriptionChange.AddProduct add && add.subscriptionId() != null) {
			var current = subscriptions.subscription(add.subscriptionId());
			return new Resolved(new SubscriptionChange.AddProduct(add.subscriptionId(), add.planCode(), add.quantity(),
					add.proration() != null ? add.proration() : properties.prorationOf(current.planCode())), null);
		}
		if (action instanceof SubscriptionChange.Cancel cancel && cancel.when() == SubscriptionChange.When.NOW
				&& cancel.subscriptionId() != null) {
			var current = subscriptions.subscription(cancel.subscriptionId());
			return new Resolved(new SubscriptionChange.Cancel(cancel.subscriptionId(), cancel.when(),
					cancel.proration() != null ? cancel.proration() : properties.prorationOf(current.planCode())), null);
		}
		return new Resolved(action, null);
	}

	/** Whether the plan's list price for the subscription's seats today is lower than what it pays now: a downgrade. */
	private boolean cheaper(Subscription current, String planCode, LocalDate today) {
		if (planCode == null || planCode.equals(current.planCode())) {
			return false;
		}
		try {
			var seats = java.math.BigDecimal.valueOf(current.seats());
			var now = catalog.price(current.planCode(), current.currency(), today, current.priceBookVersionId());
			var then = catalog.price(planCode, current.currency(), today, null);
			return then.entry().exactAmountFor(seats).compareTo(now.entry().exactAmountFor(seats)) < 0;
		}
		catch (BatonException noPrice) {
			// applying the action says what is wrong with the plan
			return false;
		}
	}

	/**
	 * Drops the pending scheduled changes a new action overrides: another change of seats, or of
	 * plan, or any cancellation.
	 */
	private void supersede(SubscriptionChange action, String orderNumber) {
		if (action.subscriptionId() == null) {
			return;
		}
		List<String> kinds;
		if (action instanceof SubscriptionChange.ChangeSeats) {
			kinds = List.of("CHANGE_SEATS");
		}
		else if (action instanceof SubscriptionChange.ChangePlan) {
			kinds = List.of("CHANGE_PLAN");
		}
		else if (action instanceof SubscriptionChange.Cancel) {
			kinds = null;
		}
		else {
			return;
		}
		scheduled.drop(action.subscriptionId(), kinds, "Superseded by order " + orderNumber, clock.instant());
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
	/** One step taken for an action of an order, knowing its place in the order. */
	private interface ActionStep {
		void take(int index, SubscriptionChange action);
	}

	/**
	 * Takes a step for each action of an order in turn: a missing action is refused, and whatever
	 * refuses an action names its place in the order.
	 */
	private static void eachAction(List<SubscriptionChange> actions, ActionStep step) {
		for (int i = 0; i < actions.size(); i++) {
			var action = actions.get(i);
			if (action == null) {
				throw BatonException.invalid("actions[" + i + "]", "is null; each action has a type");
			}
			try {
				step.take(i, action);
			}
			catch (BatonException refused) {
				throw atAction(i, action, refused);
			}
		}
	}

	private static BatonException atAction(int index, SubscriptionChange action, BatonException refused) {
		var properties = new java.util.LinkedHashMap<String, Object>(refused.properties());
		properties.put("actionIndex", index);
		var fields = refused.fieldErrors().stream()
				.map(e -> new dev.baton.platform.FieldError("actions[" + index + "]." + e.field(), e.message())).toList();
		return new BatonException(refused.type(), "actions[" + index + "] (" + action.action() + "): "
				+ refused.getMessage(), fields, properties);
	}

	/** The order placed by {@code placedBy} with a client key, if there is one. */
	public Optional<Order> placedWith(String placedBy, String clientKey) {
		return transactions.execute(status -> repository.byClientKey(placedBy, clientKey));
	}

	public Order order(OrderId id) {
		return transactions.execute(status -> repository.find(id)).orElseThrow(() -> BatonException.notFound("Order", id));
	}

	public List<Order> ofSubscription(SubscriptionId id) {
		return transactions.execute(status -> repository.ofSubscription(id));
	}
}
