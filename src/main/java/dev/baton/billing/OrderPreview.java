package dev.baton.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a draft order would cost, computed by the billing engine over the timelines the order
 * would make, before anyone commits: per subscription, what it adds to the invoice now (the
 * prorated credit and charge of a change, or a new subscription's first period) and what the next
 * period costs after it (at renewal prices when the next period starts a new term). Nothing is
 * written.
 *
 * @param dueNow per currency, what the order adds to invoices now, tax included
 * @param nextPeriod per currency, what the subscriptions' next periods cost after the order, tax included
 * @param scheduled the actions that would wait for the next billing period (a downgrade, by default)
 */
public record OrderPreview(List<SubscriptionCost> subscriptions, Map<String, BigDecimal> dueNow,
		Map<String, BigDecimal> nextPeriod, List<Scheduled> scheduled) {

	/** An action placing the order would schedule for a later day instead of applying it now. */
	public record Scheduled(int actionIndex, LocalDate effectiveOn) {
	}

	/**
	 * One subscription's cost: now, and for its next period.
	 *
	 * @param subscriptionId null for a subscription the order creates
	 * @param nextPeriodStart the day the next period starts (the first period's start for a new subscription that starts later)
	 * @param renews whether the next period starts a new term (priced as a renewal)
	 */
	public record SubscriptionCost(UUID subscriptionId, String subscriptionNumber, String planCode, String currency,
			Cost now, LocalDate nextPeriodStart, boolean renews, Cost next) {
	}

	/** An amount with its lines, as they would be invoiced. */
	public record Cost(BigDecimal subtotal, BigDecimal tax, BigDecimal total, List<UpcomingInvoice.Line> lines) {
	}
}
