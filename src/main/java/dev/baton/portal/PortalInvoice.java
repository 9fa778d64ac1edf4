package dev.baton.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.baton.billing.Invoice;
import dev.baton.billing.InvoiceId;
import dev.baton.billing.InvoiceStatus;

/**
 * An invoice as its invoice owner sees it in the portal: what it is for and what is owed, without
 * the vendor's internals (who finalized it, the inputs' hash, the price book's ids).
 */
public record PortalInvoice(InvoiceId id, String number, InvoiceStatus status, String currency, LocalDate issuedOn,
		LocalDate dueOn, BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal credited, BigDecimal paid,
		BigDecimal due, List<Line> lines, Map<String, BigDecimal> taxByRate) {

	/** A line: the subscription, what is charged or credited and for which days, its amount and tax. */
	public record Line(String subscriptionNumber, String kind, String planCode, String description, LocalDate from,
			LocalDate to, BigDecimal amount, String tax, BigDecimal taxAmount) {
	}

	static PortalInvoice of(Invoice i) {
		return new PortalInvoice(i.id(), i.number(), i.status(), i.currency(), i.issuedOn(), i.dueOn(), i.subtotal(),
				i.tax(), i.total(), i.credited(), i.paid(), i.due(),
				i.lines().stream().map(l -> new Line(l.subscriptionNumber(), l.kind(), l.planCode(), l.explanation(), l.from(),
						l.to(), l.amount(), l.taxLabel(), l.taxAmount())).toList(),
				i.taxByRate());
	}

	/** Whether it can be paid now: open (or written off) and something is owed. */
	public boolean payable() {
		return (status == InvoiceStatus.OPEN || status == InvoiceStatus.UNCOLLECTIBLE) && due.signum() > 0;
	}
}
