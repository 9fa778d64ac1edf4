package dev.baton.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.baton.subscription.SubscriptionId;

/**
 * What the billing run on {@code billingDate} would invoice for a subscription if nothing changes
 * before then: a preview, nothing is written.
 *
 * @param total the lines and their tax
 * @param subtotal the lines before tax
 * @param tax the lines' tax, at the invoice owner's rate now
 */
public record UpcomingInvoice(SubscriptionId subscriptionId, String subscriptionNumber, String currency,
		LocalDate billingDate, BigDecimal total, List<Line> lines, BigDecimal subtotal, BigDecimal tax) {

	public UpcomingInvoice {
		lines = List.copyOf(lines);
	}

	/** A line as it would be invoiced, with its tax (and the tax in words, when taxed). */
	public record Line(String kind, String planCode, BigDecimal quantity, LocalDate periodStart, LocalDate periodEnd,
			LocalDate from, LocalDate to, int sourceVersion, String orderNumber, int priceBookVersionNumber,
			BigDecimal amount, String explanation, BigDecimal tax, String taxExplanation) {
	}
}
