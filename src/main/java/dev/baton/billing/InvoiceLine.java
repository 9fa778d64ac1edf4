package dev.baton.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an invoice: a charge or a credit for a subscription's charge over some days of a
 * billing period, with where it comes from and its arithmetic in words.
 *
 * @param from the first day charged or credited
 * @param to the day after the last
 */
public record InvoiceLine(InvoiceLineId id, int position, UUID subscriptionId, String subscriptionNumber, String kind,
		String chargeType, String planCode, BigDecimal quantity, String unit, BigDecimal unitPrice,
		BigDecimal discountPercent, LocalDate periodStart, LocalDate periodEnd, LocalDate from, LocalDate to,
		int sourceVersion, String orderNumber, UUID priceBookVersionId, int priceBookVersionNumber, BigDecimal amount,
		String explanation) {
}
