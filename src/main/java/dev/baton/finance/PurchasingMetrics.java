package dev.baton.finance;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.baton.billing.CreditNoteIssued;
import dev.baton.billing.InvoiceFinalized;
import dev.baton.billing.InvoiceSettled;
import dev.baton.billing.PaymentRecorded;
import dev.baton.ordering.OrderPlaced;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the purchasing flows on the Prometheus endpoint: orders placed (by channel), invoices
 * finalized and settled, credit notes, payments that succeeded or failed (by method). Each is
 * counted when the transaction that made it commits, so a rolled-back order counts nothing. Plain
 * listeners, not module listeners: a count needs no outbox (it is not redelivered after a restart).
 */
@Component
class PurchasingMetrics {

	private final MeterRegistry meters;

	PurchasingMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(OrderPlaced event) {
		afterCommit("baton.orders.placed", "channel", event.order().channel().name());
	}

	@EventListener
	void on(InvoiceFinalized event) {
		afterCommit("baton.invoices.finalized", "currency", event.total().currency().getCurrencyCode());
	}

	@EventListener
	void on(InvoiceSettled event) {
		afterCommit("baton.invoices.settled", "status", event.status().name());
	}

	@EventListener
	void on(CreditNoteIssued event) {
		afterCommit("baton.credit.notes.issued", "currency", event.amount().currency().getCurrencyCode());
	}

	@EventListener
	void on(PaymentRecorded event) {
		afterCommit("baton.payments", "status", event.status().name(), "method", event.method().name());
	}

	private void afterCommit(String name, String... tags) {
		var counter = meters.counter(name, tags);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}
}
