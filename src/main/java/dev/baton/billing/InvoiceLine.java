package dev.baton.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an invoice: a charge or a credit for a subscription's charge over some days of a
 * billing period, with where it comes from and its arithmetic in words, and its tax.
 *
 * @param from the first day charged or credited
 * @param to the day after the last
 * @param amount before tax
 * @param taxName the tax's name (VAT, Sales tax, Reverse charge); null when the line is not taxed
 * @param taxAmount the line's tax, rounded once; zero when not taxed
 */
public record InvoiceLine(InvoiceLineId id, int position, UUID subscriptionId, String subscriptionNumber, String kind,
		String chargeType, String planCode, BigDecimal quantity, String unit, BigDecimal unitPrice,
		BigDecimal discountPercent, LocalDate periodStart, LocalDate periodEnd, LocalDate from, LocalDate to,
		int sourceVersion, String orderNumber, UUID priceBookVersionId, int priceBookVersionNumber, BigDecimal amount,
		String explanation, String taxName, String taxJurisdiction, BigDecimal taxPercent, BigDecimal taxAmount) {

	public InvoiceLine {
		taxAmount = taxAmount == null ? BigDecimal.ZERO.setScale(2) : taxAmount;
	}

	/** The tax in words, such as VAT 19% (DE); null when the line is not taxed. */
	public String taxLabel() {
		return taxName == null ? null
				: taxName + " " + taxPercent.stripTrailingZeros().toPlainString() + "% (" + taxJurisdiction + ")";
	}
}
