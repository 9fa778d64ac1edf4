package dev.baton.subscription;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.subscription.domain.SubscriptionChanges;
import dev.baton.subscription.jdbc.SubscriptionRepository;

/**
 * Reads subscriptions and applies order actions to them. Only orders change a subscription:
 * {@link #apply} runs inside the order's transaction, so an order and every version it makes
 * commit together or not at all.
 */
@Service
public class Subscriptions {

	private final SubscriptionRepository repository;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Subscriptions(SubscriptionRepository repository, Catalog catalog, Pipeline pipeline, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The order applying an action: its id and number, who placed it and why. */
	public record OrderRef(UUID orderId, String orderNumber, String actor, String reason) {
	}

	@Transactional(readOnly = true)
	public Subscription subscription(SubscriptionId id) {
		return repository.find(id).orElseThrow(() -> BatonException.notFound("Subscription", id));
	}

	/** Every version of a subscription, oldest first, with the order that made it. */
	@Transactional(readOnly = true)
	public List<SubscriptionEntry> timeline(SubscriptionId id) {
		subscription(id);
		return repository.timeline(id);
	}

	/**
	 * The timelines of several subscriptions in one read, each oldest first; its last entry is the
	 * subscription as it stands. For work over many subscriptions at once, such as the billing run.
	 */
	@Transactional(readOnly = true)
	public Map<SubscriptionId, List<SubscriptionEntry>> timelines(java.util.Collection<SubscriptionId> ids) {
		return ids.isEmpty() ? Map.of() : repository.timelines(ids);
	}

	/** The subscriptions an account owns, or is the invoice owner of. */
	@Transactional(readOnly = true)
	public List<Subscription> ofAccount(AccountId account) {
		var accountId = account.value();
		return repository.ofAccount(accountId);
	}

	/**
	 * Whether an action is allowed in the subscription's state (cancelled, suspended, cancelling at
	 * term end), as {@link #apply} would decide it; pages use it to offer only what would be accepted.
	 */
	public Decision allows(Subscription subscription, SubscriptionChange change) {
		return SubscriptionChanges.state(subscription, change);
	}

	@Transactional(readOnly = true)
	public Optional<Subscription> byNumber(String number) {
		return number == null || number.isBlank() ? Optional.empty() : repository.findByNumber(number.strip());
	}

	/** The end customers (owners) of the subscriptions an account is the invoice owner of, as a reseller. */
	@Transactional(readOnly = true)
	public List<UUID> ownersInvoicedBy(AccountId invoiceOwner) {
		var invoiceOwnerAccountId = invoiceOwner.value();
		return repository.ownersInvoicedBy(invoiceOwnerAccountId);
	}

	/**
	 * Active subscriptions whose term ends by {@code until}: those set to renew (for the renewal
	 * job to renew) and those that end (for it to close), oldest term end first.
	 */
	@Transactional(readOnly = true)
	public List<Subscription> endingBy(LocalDate until, int limit) {
		return repository.endingBy(until, limit);
	}

	/** What an action would make of a subscription: the next version and the day it takes effect. */
	public record Simulated(Subscription next, LocalDate effectiveOn) {
	}

	/**
	 * What an order action would make of a subscription, checked as {@link #apply} checks it, and
	 * nothing written: for previews of a draft order and for changes scheduled for a later day.
	 * {@code current} is the subscription to change (null: as stored; a preview passes the version
	 * an earlier action of the same order would make); a new subscription gets a made-up id and
	 * number.
	 *
	 * @throws BatonException the refusal {@link #apply} would answer
	 */
	@Transactional(readOnly = true)
	public Simulated simulate(Subscription current, SubscriptionChange change) {
		var today = LocalDate.now(clock);
		if (change instanceof SubscriptionChange.Create create) {
			var created = created(create, today, SubscriptionId.random(), "(new)");
			return new Simulated(created, created.termStart());
		}
		var base = current != null ? current : stored(change);
		var next = next(base, change, today);
		return new Simulated(next, change instanceof SubscriptionChange.Renew ? base.termEnd() : today);
	}

	/**
	 * Applies one order action inside the order's transaction and records the new version.
	 *
	 * @throws BatonException 422 {@code subscription-rule} naming the rules it breaks; 409
	 *         {@code subscription-changed-concurrently} when another order changed the subscription
	 *         since it was read in this transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Subscription apply(OrderRef order, SubscriptionChange change) {
		var today = LocalDate.now(clock);
		if (change instanceof SubscriptionChange.Create create) {
			var created = created(create, today, SubscriptionId.random(), repository.nextNumber());
			repository.insert(created);
			record(order, create, created, created.termStart());
			events.publishEvent(new SubscriptionCreated(created, order.orderId()));
			return created;
		}
		var current = stored(change);
		var next = next(current, change, today);
		if (!repository.update(next)) {
			throw new BatonException(SubscriptionProblems.CHANGED_CONCURRENTLY, "Subscription " + current.number()
					+ " was changed by another order at the same moment; read it again and place the order again");
		}
		var effective = change instanceof SubscriptionChange.Renew ? current.termEnd() : today;
		record(order, change, next, effective);
		publish(order, change, current, next);
		return next;
	}

	private Subscription stored(SubscriptionChange change) {
		if (change.subscriptionId() == null) {
			throw refusal(SubscriptionRule.REQUIRED, change.action() + " names the subscriptionId it changes");
		}
		return subscription(change.subscriptionId());
	}

	/** The next version an action makes of {@code current}, or the refusal. */
	private Subscription next(Subscription current, SubscriptionChange change, LocalDate today) {
		var state = SubscriptionChanges.state(current, change);
		state.orThrow(SubscriptionProblems.RULE);
		var currentPlan = facts(current.planCode());
		var plan = switchedPlan(change);
		PriceBookVersionId prices = null;
		if (plan != null) {
			prices = catalog.price(plan, current.currency(), today,
					change instanceof SubscriptionChange.AddProduct ? current.priceBookVersionId() : null).versionId();
		}
		else if (change instanceof SubscriptionChange.Renew) {
			prices = catalog.price(current.planCode(), current.currency(), current.termEnd(), null).versionId();
		}
		if (change instanceof SubscriptionChange.TransferOwner transfer && transfer.newOwnerAccountId() != null) {
			pipeline.account(AccountId.of(transfer.newOwnerAccountId()));
		}
		var outcome = SubscriptionChanges.apply(current, change, new SubscriptionChanges.Facts(today,
				plan == null ? null : facts(plan), currentPlan, prices, null, null));
		outcome.decision().orThrow(SubscriptionProblems.RULE);
		return outcome.next();
	}

	/** A new subscription as a create action makes it, or the refusal. */
	private Subscription created(SubscriptionChange.Create create, LocalDate today, SubscriptionId id, String number) {
		if (create.parties() == null || create.parties().ownerAccountId() == null) {
			throw refusal(SubscriptionRule.REQUIRED, "CREATE_SUBSCRIPTION names parties.ownerAccountId");
		}
		if (create.planCode() == null || create.currency() == null) {
			throw refusal(SubscriptionRule.REQUIRED, "CREATE_SUBSCRIPTION names a planCode and a currency");
		}
		var parties = create.parties();
		pipeline.account(AccountId.of(parties.ownerAccountId()));
		if (parties.invoiceOwnerAccountId() != null) {
			pipeline.account(AccountId.of(parties.invoiceOwnerAccountId()));
		}
		if (parties.distributorAccountId() != null) {
			pipeline.account(AccountId.of(parties.distributorAccountId()));
		}
		if (create.opportunityId() != null) {
			pipeline.opportunity(OpportunityId.of(create.opportunityId()));
		}
		var plan = facts(create.planCode());
		var start = create.termStart() == null ? today : create.termStart();
		var prices = catalog.price(create.planCode(), create.currency(), start, null).versionId();
		if (create.addOns() != null) {
			create.addOns().keySet().forEach(addOn -> {
				var kind = facts(addOn).kind();
				if (kind == dev.baton.catalog.ProductKind.SUBSCRIPTION || kind == dev.baton.catalog.ProductKind.SERVICE) {
					throw refusal(SubscriptionRule.PLAN_KIND, addOn + " is a " + kind + " plan, not an add-on");
				}
				catalog.price(addOn, create.currency(), start, null);
			});
		}
		var outcome = SubscriptionChanges.apply(null, create, new SubscriptionChanges.Facts(today, plan, null, prices,
				id, number));
		outcome.decision().orThrow(SubscriptionProblems.RULE);
		return outcome.next();
	}

	private void record(OrderRef order, SubscriptionChange change, Subscription version, LocalDate effective) {
		repository.record(new SubscriptionEntry(version.version(), order.orderId(), order.orderNumber(), change.action(),
				effective, order.actor(), order.reason(), clock.instant(), version, change.proration()));
		audit.record("subscription." + change.action().toLowerCase().replace('_', '-'), "subscription",
				version.id().value(), order.reason(), Map.of("order", order.orderNumber(), "version", version.version(),
						"seats", version.seats(), "plan", version.planCode(), "status", version.status().name()));
	}

	private void publish(OrderRef order, SubscriptionChange change, Subscription before, Subscription after) {
		events.publishEvent(new SubscriptionChanged(before, after, change.action(), order.orderId()));
		if (change instanceof SubscriptionChange.Renew) {
			events.publishEvent(new SubscriptionRenewed(after, order.orderId()));
		}
		if (change instanceof SubscriptionChange.Cancel) {
			events.publishEvent(new SubscriptionCancelled(after, after.cancelsOn(), order.orderId()));
		}
	}

	private static String switchedPlan(SubscriptionChange change) {
		if (change instanceof SubscriptionChange.ChangePlan plan) {
			if (plan.planCode() == null) {
				throw refusal(SubscriptionRule.REQUIRED, "CHANGE_PLAN names the planCode to move to");
			}
			return plan.planCode();
		}
		if (change instanceof SubscriptionChange.AddProduct add) {
			if (add.planCode() == null) {
				throw refusal(SubscriptionRule.REQUIRED, "ADD_PRODUCT names the planCode to add");
			}
			return add.planCode();
		}
		return null;
	}

	private SubscriptionChanges.PlanFacts facts(String planCode) {
		var plan = catalog.plan(planCode);
		var product = catalog.product(plan.productCode());
		return new SubscriptionChanges.PlanFacts(plan.code(), product.kind(), product.deployment(), plan.billingPeriod(),
				plan.termMonths());
	}

	private static BatonException refusal(SubscriptionRule rule, String reason) {
		return Decision.refused(rule, reason).toException(SubscriptionProblems.RULE);
	}
}
