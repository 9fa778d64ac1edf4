package dev.baton.billing;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.billing.jdbc.BillingScheduleRepository;
import dev.baton.subscription.SubscriptionChanged;
import dev.baton.subscription.SubscriptionCreated;
import dev.baton.subscription.Proration;
import dev.baton.subscription.Subscriptions;

/**
 * Tells the billing run which subscriptions changed: every new version marks its subscription
 * for the next run, which recomputes and diffs it. Idempotent: a version heard twice, or late,
 * changes nothing. A finalized invoice is charged to the card on file once (the payment key).
 */
@Component
class BillingListeners {

	private final BillingScheduleRepository schedule;
	private final Payments payments;
	private final Clock clock;
	private final Subscriptions subscriptions;
	private final Invoices invoices;

	BillingListeners(BillingScheduleRepository schedule, Payments payments, Clock clock, Subscriptions subscriptions,
			Invoices invoices) {
		this.subscriptions = subscriptions;
		this.invoices = invoices;
		this.schedule = schedule;
		this.payments = payments;
		this.clock = clock;
	}

	/** Collects a finalized invoice from the card on file, if there is one; a decline starts dunning. */
	@ApplicationModuleListener
	void on(InvoiceFinalized finalized) {
		payments.chargeCardOnFile(finalized.invoiceId(), "at-finalization", null);
	}

	@ApplicationModuleListener
	void on(SubscriptionCreated created) {
		var s = created.subscription();
		schedule.heard(s.id().value(), s.parties().invoiceOwnerAccountId(), s.version(), s.termStart(), clock.instant());
	}

	/** A change ordered to be invoiced at once is billed now, and the owner's draft finalized with it. */
	@ApplicationModuleListener
	void on(SubscriptionChanged changed) {
		var s = changed.after();
		schedule.heard(s.id().value(), s.parties().invoiceOwnerAccountId(), s.version(), s.termStart(), clock.instant());
		var made = subscriptions.timeline(s.id()).stream().filter(e -> e.version() == s.version()).findFirst();
		if (made.isPresent() && made.get().proration() == Proration.INVOICE_NOW) {
			invoices.invoiceNow(s.id(), "Invoiced at once: " + changed.action() + " by order " + made.get().orderNumber());
		}
	}
}
