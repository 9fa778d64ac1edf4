package dev.baton.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.baton.billing.jdbc.BillingScheduleRepository;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.subscription.SubscriptionId;

/**
 * The billing run: invoices every subscription due (its next period has started, or it changed
 * since it was last billed). Subscriptions are claimed in batches, in the order of their invoice
 * owner, with row locks that skip locked rows, and each batch is billed in one transaction under
 * the advisory locks of its invoice owners (taken in one order, as orders take them), so several
 * instances, or two runs at once, share the work and never bill one subscription together, an
 * order never interleaves with the billing of its account, and runs cannot deadlock. A batch that
 * fails is billed again one subscription at a time; one that fails alone is logged and left for
 * the next run. Recompute and diff makes a repeat bill nothing, and the unique key on the lines
 * makes a double charge impossible even so.
 */
@Component
public class BillingRun {

	private static final Logger log = LoggerFactory.getLogger(BillingRun.class);

	private final BillingScheduleRepository schedule;
	private final Invoices invoices;
	private final InvoiceRepository repository;
	private final BillingProperties properties;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final InvoiceOwnerLocks locks;

	BillingRun(BillingScheduleRepository schedule, Invoices invoices, InvoiceRepository repository,
			BillingProperties properties, Clock clock, PlatformTransactionManager transactions, InvoiceOwnerLocks locks) {
		this.locks = locks;
		this.schedule = schedule;
		this.invoices = invoices;
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** What one run did. */
	public record Run(int subscriptions, int lines, int failed, int finalized) {

		public Run(int subscriptions, int lines, int failed) {
			this(subscriptions, lines, failed, 0);
		}
	}

	public Run run() {
		var today = LocalDate.now(clock);
		var failed = new ArrayList<UUID>();
		int subscriptions = 0;
		int lines = 0;
		var cursor = BillingScheduleRepository.Cursor.START;
		var prices = invoices.prices();
		while (true) {
			var claimed = new ArrayList<BillingScheduleRepository.Due>();
			var after = cursor;
			Batch batch;
			try {
				batch = transactions.execute(status -> billBatch(today, after, failed, claimed, prices));
			}
			catch (RuntimeException failure) {
				if (claimed.isEmpty()) {
					throw failure;
				}
				// the batch rolled back whole: bill its subscriptions one by one, so one that fails holds up no other
				log.debug("A batch of {} subscriptions failed ({}); billing them one by one", claimed.size(), failure.toString());
				batch = oneByOne(today, claimed, failed);
			}
			if (batch.subscriptions() == 0 && claimed.isEmpty()) {
				break;
			}
			subscriptions += batch.subscriptions();
			lines += batch.lines();
			var last = claimed.get(claimed.size() - 1);
			cursor = new BillingScheduleRepository.Cursor(last.invoiceOwner(), last.subscriptionId());
		}
		var finalized = properties.autoFinalizeAfter() == null ? 0 : finalizeDraftsOlderThan(properties.autoFinalizeAfter());
		if (lines > 0 || !failed.isEmpty() || finalized > 0) {
			log.info("Billing run for {}: {} subscriptions billed, {} lines written, {} failed, {} drafts finalized", today,
					subscriptions, lines, failed.size(), finalized);
		}
		return new Run(subscriptions, lines, failed.size(), finalized);
	}

	/** What a batch billed. */
	private record Batch(int subscriptions, int lines) {
	}

	/**
	 * Claims the next batch after the cursor (rows of other runs skipped), locks its invoice owners
	 * in one order, bills it and records where each subscription stands, in the caller's transaction.
	 */
	private Batch billBatch(LocalDate today, BillingScheduleRepository.Cursor after, List<UUID> failed,
			List<BillingScheduleRepository.Due> claimed, ContractReader.Prices prices) {
		var due = schedule.claimBatch(today, after, properties.runBatchSize(), failed);
		if (due.isEmpty()) {
			return new Batch(0, 0);
		}
		claimed.addAll(due);
		locks.lock(due.stream().map(BillingScheduleRepository.Due::invoiceOwner).toList());
		var billed = invoices.billAll(due.stream().map(d -> new Invoices.ToBill(SubscriptionId.of(d.subscriptionId()),
				d.billedVersion(), d.nextBillOn())).toList(), today, prices);
		var records = new ArrayList<BillingScheduleRepository.Billed>();
		int lines = 0;
		for (var each : billed.entrySet()) {
			records.add(new BillingScheduleRepository.Billed(each.getKey().value(), each.getValue().version(),
					each.getValue().nextBillOn()));
			lines += each.getValue().lines();
		}
		schedule.billedAll(records, clock.instant());
		return new Batch(due.size(), lines);
	}

	private Batch oneByOne(LocalDate today, List<BillingScheduleRepository.Due> claimed, List<UUID> failed) {
		int subscriptions = 0;
		int lines = 0;
		for (var each : claimed) {
			try {
				var billed = transactions.execute(status -> {
					var due = schedule.claimOne(each.subscriptionId(), today);
					if (due.isEmpty()) {
						return null;
					}
					locks.lock(List.of(due.get().invoiceOwner()));
					var result = invoices.bill(SubscriptionId.of(each.subscriptionId()), due.get().billedVersion(),
							due.get().nextBillOn(), today);
					schedule.billed(each.subscriptionId(), result.version(), result.nextBillOn(), clock.instant());
					return result;
				});
				if (billed != null) {
					subscriptions++;
					lines += billed.lines();
				}
			}
			catch (RuntimeException failure) {
				// rolled back whole and left for the next run; this run does not claim it again
				failed.add(each.subscriptionId());
				log.warn("Subscription {} was not billed: {}", each.subscriptionId(), failure.toString());
			}
		}
		return new Batch(subscriptions, lines);
	}

	/**
	 * Finalizes the drafts that collected lines for longer than {@code age} (the run does it with
	 * {@code auto-finalize-after}, when set): each in its own transaction, which locks it (a draft
	 * another instance finalized is skipped).
	 */
	int finalizeDraftsOlderThan(java.time.Duration age) {
		int finalized = 0;
		for (var draft : repository.draftsCreatedBefore(clock.instant().minus(age), 500)) {
			try {
				invoices.finalizeDraft(draft, "Finalized by the billing run after " + age);
				finalized++;
			}
			catch (dev.baton.platform.BatonException notADraft) {
				log.debug("Draft {} was not finalized: {}", draft, notADraft.getMessage());
			}
		}
		return finalized;
	}

	/** One instance at a time runs it (db-scheduler); the claims and the unique lines make a second harmless anyway. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BillingProperties.class)
	static class Schedule {

		@Bean
		RecurringTask<Void> billingRunTask(BillingRun run, BillingProperties properties) {
			return Tasks.recurring("billing-run", FixedDelay.of(properties.runInterval()))
					.execute((instance, context) -> run.run());
		}
	}
}
