package dev.baton.licensing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.Catalog;
import dev.baton.licensing.domain.ReconciliationMath;
import dev.baton.licensing.jdbc.LicensingRepository;
import dev.baton.billing.OneTimeCharges;
import dev.baton.ordering.Channel;
import dev.baton.ordering.Orders;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionChange;
import dev.baton.subscription.SubscriptionEntry;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionStatus;
import dev.baton.subscription.Subscriptions;

/**
 * The seat reconciliation job. For a subscription reconciled quarterly, at each quarter end of the
 * term but the last it records the overage (the most billable users reported since the term
 * started, above the seats paid and above what was reconciled already) and its charge for the
 * quarters left; for the others, at each term end, the true-up of the past term at the full annual
 * price. An overage is noticed to the customer first and charged, as a {@code CHANGE_SEATS} order
 * raising the seats paid, once the notice period is over. Each record is unique per subscription,
 * kind and period, and each order keyed by the record, so runs repeated or run at once on several
 * instances reconcile and charge each period once.
 */
@Component
public class SeatReconciliations {

	static final String SYSTEM = "system";
	private static final Logger log = LoggerFactory.getLogger(SeatReconciliations.class);

	private final LicensingRepository repository;
	private final Subscriptions subscriptions;
	private final Orders orders;
	private final Catalog catalog;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final LicensingProperties properties;
	private final Clock clock;
	private final OneTimeCharges charges;

	SeatReconciliations(LicensingRepository repository, Subscriptions subscriptions, Orders orders, Catalog catalog,
			AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transactions,
			LicensingProperties properties, Clock clock, OneTimeCharges charges) {
		this.charges = charges;
		this.repository = repository;
		this.subscriptions = subscriptions;
		this.orders = orders;
		this.catalog = catalog;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one run did. */
	public record Run(int reconciled, int noticed, int charged, int failed) {
	}

	public Run run() {
		int reconciled = 0;
		int noticed = 0;
		int failed = 0;
		UUID after = null;
		while (true) {
			final UUID from = after;
			var batch = transactions.execute(status -> repository.licensedSubscriptions(from, properties.batchSize()));
			for (var id : batch) {
				try {
					for (var record : reconcile(id)) {
						reconciled++;
						if (record.status() == Reconciliation.Status.NOTICED) {
							noticed++;
						}
					}
				}
				catch (BatonException | IllegalStateException refusal) {
					failed++;
					log.warn("Subscription {} was not reconciled: {}", id, refusal.getMessage());
				}
			}
			if (batch.size() < properties.batchSize()) {
				break;
			}
			after = batch.get(batch.size() - 1).value();
		}
		int charged = 0;
		for (var due : transactions.execute(status -> repository.due(clock.instant(), properties.batchSize()))) {
			try {
				if (charge(due)) {
					charged++;
				}
			}
			catch (BatonException refusal) {
				failed++;
				log.warn("Seat reconciliation {} was not charged: {}", due.id(), refusal.getMessage());
			}
		}
		if (reconciled + charged + failed > 0) {
			log.info("Seat reconciliation: {} reconciled ({} with overage noticed), {} charged, {} failed", reconciled,
					noticed, charged, failed);
		}
		return new Run(reconciled, noticed, charged, failed);
	}

	/** The periods of one subscription that ended and were not reconciled yet, reconciled now. */
	List<Reconciliation> reconcile(SubscriptionId id) {
		var today = LocalDate.now(clock);
		var timeline = transactions.execute(status -> subscriptions.timeline(id));
		var done = transactions.execute(status -> repository.reconciledPeriods(id));
		var made = new ArrayList<Reconciliation>();
		for (var term : terms(timeline)) {
			if (!term.termStart().isBefore(today)) {
				continue;
			}
			var quarterly = properties.quarterly(term.planCode());
			if (quarterly) {
				for (var quarter : ReconciliationMath.reconciledQuarters(term.termStart(), term.termMonths())) {
					if (quarter.end().isAfter(today) || done.contains("QUARTERLY:" + quarter.end())) {
						continue;
					}
					record(id, timeline, term, Reconciliation.Kind.QUARTERLY, quarter.end(), quarter.number(),
							quarter.quartersLeft()).ifPresent(made::add);
				}
				if (!term.termEnd().isAfter(today) && !done.contains("TRUE_UP:" + term.termEnd())) {
					// the last quarter: no quarter of the term is left to charge, so nothing is charged for it;
					// the seats of the renewed term rise to the users found
					record(id, timeline, term, Reconciliation.Kind.TRUE_UP, term.termEnd(), null, 0).ifPresent(made::add);
				}
			}
			else if (!term.termEnd().isAfter(today) && !done.contains("TRUE_UP:" + term.termEnd())) {
				record(id, timeline, term, Reconciliation.Kind.TRUE_UP, term.termEnd(), null, 4).ifPresent(made::add);
			}
		}
		return made;
	}

	/** The distinct terms in a timeline, each as its first version shows it. */
	private static List<Subscription> terms(List<SubscriptionEntry> timeline) {
		var terms = new ArrayList<Subscription>();
		for (var entry : timeline) {
			var version = entry.subscription();
			if (terms.stream().noneMatch(t -> t.termStart().equals(version.termStart()))) {
				terms.add(version);
			}
		}
		return terms;
	}

	/** The version in effect on a day: the newest whose change took effect by then. */
	private static Subscription inEffect(List<SubscriptionEntry> timeline, LocalDate day) {
		Subscription found = null;
		for (var entry : timeline) {
			if (!entry.effectiveOn().isAfter(day)) {
				found = entry.subscription();
			}
		}
		return found == null ? timeline.get(0).subscription() : found;
	}

	private java.util.Optional<Reconciliation> record(SubscriptionId id, List<SubscriptionEntry> timeline, Subscription term,
			Reconciliation.Kind kind, LocalDate periodEnd, Integer quarter, int quartersCharged) {
		return transactions.execute(status -> {
			var paid = inEffect(timeline, periodEnd.minusDays(1));
			var counted = repository.counted(id, term.termStart(), periodEnd);
			var max = counted.isEmpty() ? 0 : counted.get(0).maxBillableUsers();
			var reconciledTo = repository.reconciliationsOf(id).stream()
					.filter(r -> !r.periodEnd().isBefore(term.termStart()) && r.periodEnd().isBefore(periodEnd))
					.mapToInt(r -> r.seatsPaid() + r.overage()).max().orElse(0);
			var overage = ReconciliationMath.overage(max, paid.seats(), reconciledTo);
			var price = catalog.price(paid.planCode(), paid.currency(), periodEnd.minusDays(1), paid.priceBookVersionId());
			var discount = paid.discounts().getOrDefault(paid.planCode(), BigDecimal.ZERO);
			var minor = Currency.getInstance(paid.currency()).getDefaultFractionDigits();
			var amount = overage == 0 ? BigDecimal.ZERO
					: ReconciliationMath.amount(price.entry().amountFor(BigDecimal.valueOf(overage)).amount(), discount,
							quartersCharged, minor);
			var now = clock.instant();
			var noticed = overage > 0;
			var record = new Reconciliation(ReconciliationId.random(), id, kind, term.termStart(), periodEnd, quarter,
					quartersCharged, Math.max(paid.seats(), reconciledTo), max, overage,
					counted.stream().map(r -> r.id().value()).toList(), paid.planCode(), paid.currency(),
					price.entry().unitPrice(), discount, price.versionId().value(), amount,
					noticed ? Reconciliation.Status.NOTICED : Reconciliation.Status.NO_OVERAGE, noticed ? now : null,
					noticed ? now.plus(properties.noticePeriod()) : null, null, null, null, now);
			if (!repository.insertReconciliation(record)) {
				return java.util.Optional.<Reconciliation>empty();
			}
			audit.recordBySystem("seat-reconciliation." + kind.name().toLowerCase().replace('_', '-'), "seat_reconciliation",
					record.id().value(), kind + " to " + periodEnd + ": " + max + " users, " + record.seatsPaid()
							+ " seats paid, overage " + overage,
					java.util.Map.of("subscription", paid.number(), "overage", overage, "amount", amount.toPlainString(),
							"reports", counted.size()));
			if (noticed) {
				events.publishEvent(new SeatOverageNoticed(record.id(), id, kind.name(), record.seatsPaid(), max, overage,
						Money.of(amount, paid.currency()), record.chargeAfter()));
			}
			return java.util.Optional.of(record);
		});
	}

	/**
	 * Charges a noticed overage once its notice period is over: an order raising the seats paid to
	 * what the reconciliation found, keyed by the reconciliation, billed as any seat increase, and a
	 * one-time line of the rest of the noticed amount, so the invoice's lines for it add up to what
	 * the notice said. When the customer bought those seats in the meantime no order is needed and it
	 * is settled (a true-up's amount, for the past term, still charged). A run that stopped after
	 * placing the order finds it by its key and charges it.
	 */
	boolean charge(Reconciliation due) {
		ReconciliationMath.mayCharge(due.chargeAfter(), clock.instant()).orThrow(LicensingProblems.RULE);
		var subscription = transactions.execute(status -> subscriptions.subscription(due.subscriptionId()));
		var target = due.seatsPaid() + due.overage();
		var key = "seat-reconciliation:" + due.id();
		var amount = Money.of(due.amount(), due.currency());
		var words = (due.kind() == Reconciliation.Kind.QUARTERLY ? "Quarterly seat reconciliation to "
				: Integer.valueOf(0).equals(due.quartersLeft()) ? "Seats of the renewed term, from the last quarter to "
						: "Annual true-up to ")
				+ due.periodEnd() + ": " + due.overage() + " seats above those paid, " + amount.formatted();
		var ours = orders.placedWith(SYSTEM, key);
		if (ours.isEmpty()
				&& (subscription.status() == SubscriptionStatus.CANCELLED || subscription.seats() >= target)) {
			// no seats to add; a true-up's amount is for the past term, owed all the same
			return Boolean.TRUE.equals(transactions.execute(status -> {
				if (due.kind() == Reconciliation.Kind.TRUE_UP && amount.amount().signum() > 0) {
					charges.charge(new OneTimeCharges.OneTimeCharge(subscription.id(), key, words, amount,
							LocalDate.now(clock), null, due.periodStart(), due.periodEnd()));
				}
				if (!settle(due, Reconciliation.Status.SETTLED, null, null)) {
					status.setRollbackOnly();
					return false;
				}
				return true;
			}));
		}
		var order = ours.orElseGet(() -> orders.place(new Orders.PlaceOrder(
				subscription.parties().isChannel() ? Channel.PARTNER : Channel.SALES, subscription.opportunityId(),
				List.of(new SubscriptionChange.ChangeSeats(subscription.id(), target)), words, SYSTEM, key)).order());
		var version = transactions.execute(status -> subscriptions.timeline(subscription.id()).stream()
				.filter(entry -> order.id().value().equals(entry.orderId())).mapToInt(SubscriptionEntry::version).max());
		return Boolean.TRUE.equals(transactions.execute(status -> {
			// a quarter's amount is for the rest of the term; the seat change is billed by days from its day
			// in its billing period, and the one-time line is the rest: both add up to the noticed amount.
			// A true-up's seat change is the renewed term's; its amount, the past term's, is charged whole.
			if (amount.amount().signum() > 0) {
				var quarterly = due.kind() == Reconciliation.Kind.QUARTERLY;
				// the days it pays for, over which finance recognizes it: a quarter's, the rest of the term;
				// a true-up's, the past term
				var from = quarterly ? due.periodEnd() : due.periodStart();
				var to = quarterly ? subscription.termEnd() : due.periodEnd();
				charges.charge(new OneTimeCharges.OneTimeCharge(subscription.id(), key, words, amount, LocalDate.now(clock),
						quarterly && version.isPresent() ? version.getAsInt() : null, from,
						to != null && to.isAfter(from) ? to : null));
			}
			if (!settle(due, Reconciliation.Status.CHARGED, order.id().value(), order.number())) {
				status.setRollbackOnly();
				return false;
			}
			return true;
		}));
	}

	private boolean settle(Reconciliation due, Reconciliation.Status status, UUID orderId, String orderNumber) {
		if (!repository.settle(due.id(), status, orderId, orderNumber, clock.instant())) {
			return false;
		}
		audit.recordBySystem("seat-reconciliation.charged", "seat_reconciliation", due.id().value(),
				status == Reconciliation.Status.CHARGED ? "Order " + orderNumber : "Seats bought meanwhile",
				java.util.Map.of("status", status.name(), "amount", due.amount().toPlainString()));
		return true;
	}

	/** A subscription's reconciliations, oldest period first. */
	public List<Reconciliation> of(SubscriptionId id) {
		return transactions.execute(status -> {
			subscriptions.subscription(id);
			return repository.reconciliationsOf(id);
		});
	}

	/** One instance at a time runs it (db-scheduler); the unique records and order keys make a repeat harmless anyway. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LicensingProperties.class)
	static class Schedule {

		@Bean
		RecurringTask<Void> seatReconciliationTask(SeatReconciliations reconciliations, LicensingProperties properties) {
			return Tasks.recurring("seat-reconciliation", FixedDelay.of(properties.reconciliationInterval()))
					.execute((instance, context) -> reconciliations.run());
		}
	}
}
