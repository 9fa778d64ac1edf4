package dev.baton.ordering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.ordering.jdbc.ScheduledChangeRepository;
import dev.baton.platform.BatonException;
import dev.baton.subscription.SubscriptionId;

/**
 * The changes orders scheduled for the start of the next billing period, and the job's part that
 * places them on their day: each as an order of the system's keyed by the change
 * ({@code scheduled:<id>}) with the change locked, so it is placed once whichever instance places it.
 * One the subscription no longer allows (cancelled meanwhile, say) is refused and kept with the
 * reason.
 */
@Service
public class ScheduledChanges {

	/** The client key prefix of the orders that place scheduled changes. */
	static final String KEY_PREFIX = "scheduled:";

	private static final Logger log = LoggerFactory.getLogger(ScheduledChanges.class);

	private final ScheduledChangeRepository repository;
	private final Orders orders;
	private final AuditLog audit;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ScheduledChanges(ScheduledChangeRepository repository, Orders orders, AuditLog audit,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.orders = orders;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A subscription's scheduled changes, newest first, pending or not. */
	public List<ScheduledChange> ofSubscription(SubscriptionId id) {
		return transactions.execute(status -> repository.ofSubscription(id));
	}

	/** Places the changes due by today; answers how many were placed. */
	public int placeDue() {
		var today = LocalDate.now(clock);
		int placed = 0;
		for (var id : repository.due(today, 500)) {
			try {
				var order = transactions.execute(status -> repository.lockPending(id).map(pending -> {
					var change = pending.change();
					var result = orders.place(new Orders.PlaceOrder(pending.channel(), null, List.of(change.action()),
							"Scheduled by order " + pending.orderNumber() + " for " + change.effectiveOn(), Renewals.SYSTEM,
							KEY_PREFIX + id));
					repository.placed(id, result.order().id(), clock.instant());
					return result.order();
				}).orElse(null));
				if (order != null) {
					placed++;
				}
			}
			catch (BatonException refused) {
				log.warn("Scheduled change {} was refused: {}", id, refused.getMessage());
				transactions.executeWithoutResult(status -> {
					repository.refused(id, refused.getMessage(), clock.instant());
					audit.recordBySystem("order.scheduled-change-refused", "scheduled_change", id, refused.getMessage(),
							Map.of());
				});
			}
		}
		if (placed > 0) {
			log.info("{} scheduled changes placed", placed);
		}
		return placed;
	}
}
