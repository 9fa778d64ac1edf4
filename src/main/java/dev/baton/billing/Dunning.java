package dev.baton.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.baton.billing.DunningStepTaken.Action;
import dev.baton.billing.jdbc.DunningRepository;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.Money;

/**
 * The dunning job: starts the dunning of open invoices whose due day passed unpaid, and takes each
 * step when its day comes: a retry charges the card on file (a reminder when there is none), a
 * notice reminds the billing contact, suspension and cancellation are carried out by ordering for
 * the subscriptions the invoice bills. Each step is claimed with a row lock that skips locked rows
 * and marked taken in the transaction of what it did, so with several instances every step happens
 * once. When a job was down and several steps fell due, the latest due is taken and the earlier
 * ones are passed over. Dunning ends when the invoice is settled.
 */
@Component
public class Dunning {

	private static final Logger log = LoggerFactory.getLogger(Dunning.class);

	private final DunningRepository dunning;
	private final InvoiceRepository invoices;
	private final Payments payments;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transactions;

	Dunning(DunningRepository dunning, InvoiceRepository invoices, Payments payments, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.dunning = dunning;
		this.invoices = invoices;
		this.payments = payments;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** What one run did. */
	public record Run(int started, int steps, int failed) {
	}

	public Run run() {
		var today = LocalDate.now(clock);
		int started = 0;
		for (var id : dunning.pastDueNotInDunning(today, 500)) {
			var began = transactions.execute(status -> {
				invoices.lock(id);
				var invoice = invoices.find(id).orElseThrow();
				return invoice.status() == InvoiceStatus.OPEN && invoice.due().signum() > 0
						&& payments.startDunning(invoice, "PAST_DUE");
			});
			if (Boolean.TRUE.equals(began)) {
				started++;
			}
		}
		int steps = 0;
		var failed = new ArrayList<UUID>();
		while (true) {
			var claimed = new InvoiceId[1];
			try {
				var took = transactions.execute(status -> {
					var due = dunning.claimDue(today, failed);
					if (due.isEmpty()) {
						return false;
					}
					claimed[0] = due.get().invoiceId();
					take(due.get(), today);
					return true;
				});
				if (!Boolean.TRUE.equals(took)) {
					break;
				}
				steps++;
			}
			catch (RuntimeException failure) {
				if (claimed[0] == null) {
					throw failure;
				}
				failed.add(claimed[0].value());
				log.warn("Dunning step of invoice {} was not taken: {}", claimed[0], failure.toString());
			}
		}
		if (started + steps + failed.size() > 0) {
			log.info("Dunning for {}: {} invoices started, {} steps taken, {} failed", today, started, steps, failed.size());
		}
		return new Run(started, steps, failed.size());
	}

	private void take(DunningRepository.Due step, LocalDate today) {
		// the invoice before the dunning row, as every payment locks them
		invoices.lock(step.invoiceId());
		var invoice = invoices.find(step.invoiceId()).orElseThrow();
		if (dunning.ended(step.invoiceId())) {
			return; // settled while the step was claimed: the payment that held the invoice ended dunning
		}
		var now = clock.instant();
		// only the latest step due is taken: a suspension is moot when the cancellation is due too
		if (dunning.laterStepDue(step.invoiceId(), step.position(), today)) {
			dunning.taken(step.invoiceId(), step.position(), "Passed over: a later step was due as well", now);
			return;
		}
		var subscriptions = invoices.subscriptionsOf(step.invoiceId());
		String outcome;
		switch (step.action()) {
			case RETRY:
				var payment = payments.chargeCardOnFile(step.invoiceId(), "dunning:" + step.position(), step.position());
				outcome = payment.map(p -> p.status() == PaymentStatus.SUCCEEDED ? "Paid by the card on file"
						: p.status() == PaymentStatus.FAILED ? "The card on file was declined: " + p.failure()
								: "The card on file needs the holder's confirmation")
						.orElse("No card on file: " + reminder(invoice));
				break;
			case NOTICE:
				outcome = "Reminder: " + reminder(invoice);
				break;
			case SUSPEND:
				dunning.suspended(step.invoiceId());
				outcome = subscriptions.size() + " subscription(s) suspended until the invoice is paid";
				break;
			case CANCEL:
				outcome = subscriptions.size() + " subscription(s) cancelled for non-payment";
				break;
			default:
				throw new IllegalStateException("Not a dunning step: " + step.action());
		}
		dunning.taken(step.invoiceId(), step.position(), outcome, now);
		var after = invoices.find(step.invoiceId()).orElseThrow();
		events.publishEvent(new DunningStepTaken(invoice.id(), invoice.number(), invoice.invoiceOwnerAccountId(),
				step.position(), step.action(), Money.of(after.due(), invoice.currency()), invoice.dueOn(), outcome,
				subscriptions));
		if (step.action() == Action.CANCEL) {
			dunning.end(step.invoiceId(), "CANCELLED", now);
		}
	}

	private String reminder(Invoice invoice) {
		return payments.contact(AccountId.of(invoice.invoiceOwnerAccountId())).map(c -> "the billing contact " + c.email() + " is reminded")
				.orElse("no billing contact is set, so nobody is reminded");
	}

	/** One instance at a time runs it (db-scheduler); the step claims make a second harmless anyway. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> dunningTask(Dunning dunning, BillingProperties properties) {
			return Tasks.recurring("billing-dunning", FixedDelay.of(properties.dunning().interval()))
					.execute((instance, context) -> dunning.run());
		}
	}
}
