package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.billing.jdbc.DunningRepository;
import dev.baton.billing.jdbc.InvoiceRepository;
import dev.baton.platform.Money;

/**
 * Moves a finalized invoice out of the open state, in the caller's transaction with the invoice
 * locked: to paid once payments and credit notes leave nothing owed, or to void or uncollectible
 * when finance says so. Either way its dunning ends, and subscriptions dunning suspended resume
 * (not after a write-off).
 */
@Component
class InvoiceSettlement {

	private final InvoiceRepository invoices;
	private final DunningRepository dunning;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	InvoiceSettlement(InvoiceRepository invoices, DunningRepository dunning, ApplicationEventPublisher events,
			Clock clock) {
		this.invoices = invoices;
		this.dunning = dunning;
		this.events = events;
		this.clock = clock;
	}

	/** Marks the invoice paid when nothing is owed any more; answers whether it did. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean paidIfNothingOwed(InvoiceId id, String reason) {
		var invoice = invoices.find(id).orElseThrow();
		var open = invoice.status() == InvoiceStatus.OPEN || invoice.status() == InvoiceStatus.UNCOLLECTIBLE;
		if (!open || invoice.due().signum() > 0) {
			return false;
		}
		move(invoice, InvoiceStatus.PAID, reason);
		return true;
	}

	/** Moves an open (or, to paid, an uncollectible) invoice to {@code to}. */
	@Transactional(propagation = Propagation.MANDATORY)
	void move(Invoice invoice, InvoiceStatus to, String reason) {
		if (!invoices.moveTo(invoice.id(), invoice.status(), to, clock.instant())) {
			throw new IllegalStateException("Invoice " + invoice.number() + " was locked as " + invoice.status()
					+ " but is not");
		}
		var subscriptions = invoices.subscriptionsOf(invoice.id());
		var total = Money.of(invoice.total(), invoice.currency());
		events.publishEvent(new InvoiceSettled(invoice.id(), invoice.number(), invoice.invoiceOwnerAccountId(), to, total,
				reason, subscriptions));
		var suspended = dunning.end(invoice.id(), to.name(), clock.instant());
		if (suspended.orElse(false) && to != InvoiceStatus.UNCOLLECTIBLE) {
			events.publishEvent(new DunningStepTaken(invoice.id(), invoice.number(), invoice.invoiceOwnerAccountId(), -1,
					DunningStepTaken.Action.RESUME, Money.of(BigDecimal.ZERO, invoice.currency()), LocalDate.now(clock),
					"Invoice " + invoice.number() + " is " + to.name().toLowerCase() + ": the suspended subscriptions resume",
					subscriptions));
		}
	}
}
