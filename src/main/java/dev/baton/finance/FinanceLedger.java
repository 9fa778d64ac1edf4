package dev.baton.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.billing.CreditNote;
import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceStatus;
import dev.baton.billing.Invoices;
import dev.baton.billing.Payments;
import dev.baton.catalog.Catalog;
import dev.baton.finance.domain.RevenueSchedule;
import dev.baton.finance.jdbc.LedgerRepository;
import dev.baton.pipeline.AccountId;

/**
 * Keeps finance's copy of one invoice true to billing: any billing event about an invoice refreshes
 * it whole from billing's API under the invoice's lock, so events heard twice or out of order
 * change nothing. A finalized invoice's lines are copied once and scheduled (the revenue
 * schedule); each credit note is scheduled once as a reversal of the lines it credits, in
 * proportion to their amounts; a void reverses what is left; payments are copied as they settle.
 */
@Component
class FinanceLedger {

	private final Invoices invoices;
	private final Payments payments;
	private final Catalog catalog;
	private final LedgerRepository repository;
	private final Clock clock;

	FinanceLedger(Invoices invoices, Payments payments, Catalog catalog, LedgerRepository repository, Clock clock) {
		this.invoices = invoices;
		this.payments = payments;
		this.catalog = catalog;
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional
	public void refresh(InvoiceId id) {
		repository.lockInvoice(id.value());
		var invoice = invoices.invoice(id);
		if (invoice.status() == InvoiceStatus.DRAFT) {
			return;
		}
		var currency = Currency.getInstance(invoice.currency());
		var settledOn = repository.upsertInvoice(new LedgerRepository.InvoiceRow(id.value(), invoice.number(),
				invoice.invoiceOwnerAccountId(), invoice.currency(), invoice.status().name(), invoice.total(),
				invoice.issuedOn(), invoice.dueOn()),
				invoice.settledAt() == null ? null : LocalDate.ofInstant(invoice.settledAt(), ZoneOffset.UTC), clock.instant());
		var products = new HashMap<String, String>();
		var lines = invoice.lines().stream().map(l -> new LedgerRepository.LineRow(l.id().value(), l.position(),
				l.subscriptionId(), l.subscriptionNumber(), l.kind(), l.chargeType(), l.planCode(),
				products.computeIfAbsent(l.planCode(), code -> catalog.plan(code).productCode()), l.orderNumber(), l.from(),
				l.to(), l.amount(), RevenueSchedule.Recognition.of(l.chargeType()).name())).toList();
		if (repository.insertLines(id.value(), lines)) {
			for (var line : lines) {
				schedule("INVOICE", id.value(), invoice.issuedOn(), invoice, line, line.amount());
			}
		}
		var stored = repository.lines(id.value());
		var weights = stored.stream().map(LedgerRepository.LineRow::amount).toList();
		var refunds = refunds(invoice);
		for (var note : invoice.creditNotes()) {
			var issuedOn = LocalDate.ofInstant(note.createdAt(), ZoneOffset.UTC);
			if (repository.insertCreditNote(id.value(), invoice.invoiceOwnerAccountId(), invoice.currency(),
					new LedgerRepository.CreditNoteRow(note.id(), note.number(), note.amount(),
							refunds.getOrDefault(note.id(), BigDecimal.ZERO), issuedOn))) {
				scheduleShares("CREDIT_NOTE", note.id(), issuedOn, invoice, stored,
						RevenueSchedule.allocate(note.amount().negate(), currency, weights));
			}
		}
		if (invoice.status() == InvoiceStatus.VOID && !repository.scheduled("VOID", id.value())) {
			var left = invoice.total().subtract(invoice.credited());
			scheduleShares("VOID", id.value(), settledOn, invoice, stored,
					RevenueSchedule.allocate(left.negate(), currency, weights));
		}
		for (var payment : payments.ofInvoice(id)) {
			repository.upsertPayment(id.value(), payment.accountId(), payment.currency(), new LedgerRepository.PaymentRow(
					payment.id().value(), payment.method().name(), payment.status().name(), payment.amount(),
					payment.applied(), payment.receivedOn()));
		}
	}

	/** What each credit note of the invoice paid back to a card. */
	private Map<java.util.UUID, BigDecimal> refunds(Invoice invoice) {
		var refunds = new HashMap<java.util.UUID, BigDecimal>();
		if (invoice.creditNotes().stream().noneMatch(n -> n.disposition() == CreditNote.Disposition.REFUND)) {
			return refunds;
		}
		for (var entry : payments.credit(AccountId.of(invoice.invoiceOwnerAccountId())).entries()) {
			if ("REFUNDED".equals(entry.kind()) && entry.creditNoteId() != null) {
				refunds.merge(entry.creditNoteId(), entry.amount().negate(), BigDecimal::add);
			}
		}
		return refunds;
	}

	private void scheduleShares(String source, java.util.UUID document, LocalDate date, Invoice invoice,
			List<LedgerRepository.LineRow> lines, List<BigDecimal> shares) {
		for (int i = 0; i < lines.size(); i++) {
			if (shares.get(i).signum() != 0) {
				schedule(source, document, date, invoice, lines.get(i), shares.get(i));
			}
		}
	}

	private void schedule(String source, java.util.UUID document, LocalDate date, Invoice invoice,
			LedgerRepository.LineRow line, BigDecimal amount) {
		repository.schedule(source, document, date, invoice.id().value(), invoice.invoiceOwnerAccountId(),
				invoice.currency(), line.id(), RevenueSchedule.monthly(amount, Currency.getInstance(invoice.currency()),
						line.from(), line.to(), date, RevenueSchedule.Recognition.valueOf(line.recognition())));
	}
}
