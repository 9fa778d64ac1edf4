package dev.baton.licensing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.baton.subscription.SubscriptionId;

/**
 * A quarterly seat reconciliation or an annual true-up, with its inputs (the reports counted, the
 * maximum found, the seats paid, the price) and what became of it.
 *
 * @param quarter for a quarterly reconciliation, which quarter of the term (1 to 3 of an annual term)
 * @param quartersLeft the quarters of the term the overage is charged for
 * @param amount the overage × the annual price × quarters left ÷ 4 (quarterly) or × 1 (true-up), after discount
 */
public record Reconciliation(ReconciliationId id, SubscriptionId subscriptionId, Kind kind, LocalDate periodStart,
		LocalDate periodEnd, Integer quarter, Integer quartersLeft, int seatsPaid, int maxBillableUsers, int overage,
		List<UUID> reportIds, String planCode, String currency, BigDecimal unitPrice, BigDecimal discountPercent,
		UUID priceBookVersionId, BigDecimal amount, Status status, Instant noticedAt, Instant chargeAfter,
		UUID orderId, String orderNumber, Instant settledAt, Instant createdAt) {

	public enum Kind {
		QUARTERLY, TRUE_UP
	}

	public enum Status {
		/** Nothing above the seats paid: nothing to charge. */
		NO_OVERAGE,
		/** The customer was told; the charge waits for the notice period. */
		NOTICED,
		/** The order raising the seats was placed. */
		CHARGED,
		/** The customer had bought the seats already: no order needed. */
		SETTLED
	}

	public Reconciliation {
		reportIds = List.copyOf(reportIds);
	}
}
