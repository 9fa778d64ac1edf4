package dev.baton.finance;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.baton.billing.CreditNoteIssued;
import dev.baton.billing.InvoiceFinalized;
import dev.baton.billing.InvoiceSettled;
import dev.baton.billing.PaymentRecorded;
import dev.baton.finance.jdbc.ArrRepository;
import dev.baton.pipeline.AccountId;
import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;

/**
 * Feeds finance's read models from the events of the modules that own the records: every new
 * subscription version recomputes that subscription's ARR and bookings and its owners' booked
 * figures; every invoice, credit note and payment event refreshes that invoice's copy. Idempotent:
 * an event heard twice, late or out of order recomputes the same rows.
 */
@Component
@EnableConfigurationProperties(FinanceProperties.class)
class FinanceListeners {

	private static final Logger log = LoggerFactory.getLogger(FinanceListeners.class);

	private final RecurringRevenue revenue;
	private final FinanceLedger ledger;
	private final ArrRepository arr;
	private final Clock clock;

	FinanceListeners(RecurringRevenue revenue, FinanceLedger ledger, ArrRepository arr, Clock clock) {
		this.revenue = revenue;
		this.ledger = ledger;
		this.arr = arr;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(InvoiceFinalized event) {
		ledger.refresh(event.invoiceId());
	}

	@ApplicationModuleListener
	void on(InvoiceSettled event) {
		ledger.refresh(event.invoiceId());
	}

	@ApplicationModuleListener
	void on(CreditNoteIssued event) {
		ledger.refresh(event.invoiceId());
	}

	@ApplicationModuleListener
	void on(PaymentRecorded event) {
		ledger.refresh(event.invoiceId());
	}

	@ApplicationModuleListener
	void on(SubscriptionCreated event) {
		revenue.refresh(event.subscription().id());
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		revenue.refresh(event.after().id());
	}

	/**
	 * Recomputes the booked figures of accounts whose ARR started or stopped holding in the last two
	 * days (a renewal ordered ahead takes effect, a term ends): no event marks those days. Unchanged
	 * figures are not stored again, so running it twice, or on two instances, changes nothing.
	 */
	int refreshChangedAccounts() {
		var today = LocalDate.now(clock);
		var accounts = arr.accountsChangingBetween(today.minusDays(2), today);
		int changed = 0;
		for (var account : accounts) {
			if (revenue.refreshAccount(AccountId.of(account)).isPresent()) {
				changed++;
			}
		}
		if (changed > 0) {
			log.info("Booked figures of {} accounts changed on {}", changed, today);
		}
		return changed;
	}

	/** The cluster-wide job (db-scheduler runs each execution on one instance). */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> bookedFiguresTask(FinanceListeners listeners, FinanceProperties properties) {
			return Tasks.recurring("finance-booked-figures", FixedDelay.of(properties.figuresInterval()))
					.execute((instance, context) -> listeners.refreshChangedAccounts());
		}
	}
}
