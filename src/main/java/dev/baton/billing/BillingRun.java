package dev.baton.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * since it was last billed). Each subscription is claimed with a row lock that skips locked rows
 * and billed in its own transaction, so several instances, or two runs at once, share the work and
 * never bill one subscription together, and a transaction holds one claim and one draft, so runs
 * cannot deadlock; one that fails is logged and left for the next run. Recompute and diff makes a
 * repeat bill nothing, and the unique key on the lines makes a double charge impossible even so.
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

	BillingRun(BillingScheduleRepository schedule, Invoices invoices, InvoiceRepository repository,
			BillingProperties properties, Clock clock, PlatformTransactionManager transactions) {
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
		while (true) {
			var claimed = new UUID[1];
			try {
				var billed = transactions.execute(status -> {
					var due = schedule.claimDue(today, 1, failed);
					if (due.isEmpty()) {
						return null;
					}
					var subscription = due.get(0);
					claimed[0] = subscription.subscriptionId();
					var result = invoices.bill(SubscriptionId.of(subscription.subscriptionId()),
							subscription.billedVersion(), subscription.nextBillOn(), today);
					schedule.billed(subscription.subscriptionId(), result.version(), result.nextBillOn(), clock.instant());
					return result;
				});
				if (billed == null) {
					break;
				}
				subscriptions++;
				lines += billed.lines();
			}
			catch (RuntimeException failure) {
				if (claimed[0] == null) {
					throw failure;
				}
				// rolled back whole and left for the next run; this run does not claim it again
				failed.add(claimed[0]);
				log.warn("Subscription {} was not billed: {}", claimed[0], failure.toString());
			}
		}
		var finalized = properties.autoFinalizeAfter() == null ? 0 : finalizeDraftsOlderThan(properties.autoFinalizeAfter());
		if (lines > 0 || !failed.isEmpty() || finalized > 0) {
			log.info("Billing run for {}: {} subscriptions billed, {} lines written, {} failed, {} drafts finalized", today,
					subscriptions, lines, failed.size(), finalized);
		}
		return new Run(subscriptions, lines, failed.size(), finalized);
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
