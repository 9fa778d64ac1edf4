package dev.baton.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where an invoice line comes from: the subscription version and the order that made it, the price
 * book entry and version, the quantity's source, the days, and the arithmetic in words.
 */
public record LineExplanation(InvoiceId invoiceId, String invoiceNumber, InvoiceLineId lineId, String kind,
		BigDecimal amount, String currency, String arithmetic, Source source, PriceSource price, Quantity quantity,
		Days days, String inputsHash, Tax tax, Usage usage) {

	/** A line without tax or usage. */
	public LineExplanation(InvoiceId invoiceId, String invoiceNumber, InvoiceLineId lineId, String kind,
			BigDecimal amount, String currency, String arithmetic, Source source, PriceSource price, Quantity quantity,
			Days days, String inputsHash) {
		this(invoiceId, invoiceNumber, lineId, kind, amount, currency, arithmetic, source, price, quantity, days,
				inputsHash, null, null);
	}

	/**
	 * The line's tax: the rate's name, jurisdiction and percent as the computation's inputs recorded
	 * them (from the invoice owner's bill-to), the amount and the arithmetic in words.
	 */
	public record Tax(String name, String jurisdiction, BigDecimal percent, BigDecimal amount, String arithmetic) {
	}

	/**
	 * A usage line's source (null for other lines): the meter and its period, the revision (a late
	 * one is an adjustment for events that arrived after the period closed), the usage total with its
	 * events, the allowance, what packs covered, what was billable and how each tier priced it, and
	 * what was billed before; for a pack line, the pack's units and expiry.
	 */
	public record Usage(String meterCode, String meterName, String unit, LocalDate periodStart, LocalDate periodEnd,
			int revision, boolean late, LocalDate closedIn, BigDecimal used, long events, long lateEvents,
			BigDecimal allowance, String allowanceInWords, BigDecimal fromAllowance, BigDecimal fromPacks,
			BigDecimal billable, String chargeModel, java.util.List<dev.baton.catalog.Rating.Step> tiers,
			BigDecimal billedBefore, BigDecimal packUnits, LocalDate packExpiresOn, String arithmetic) {
	}

	/** The subscription version that made the line due and the order behind it. */
	public record Source(UUID subscriptionId, String subscriptionNumber, int version, String orderNumber,
			String action, LocalDate effectiveOn) {
	}

	/** The list price: the plan, the price book version it comes from, the unit price and the discount. */
	public record PriceSource(String planCode, UUID priceBookVersionId, int priceBookVersionNumber,
			BigDecimal unitPrice, BigDecimal discountPercent) {
	}

	/** How many, of what, and where the number comes from. */
	public record Quantity(BigDecimal value, String unit, String from) {
	}

	/** The days charged or credited within the billing period. */
	public record Days(LocalDate periodStart, LocalDate periodEnd, long daysInPeriod, LocalDate from, LocalDate to,
			long days) {
	}
}
