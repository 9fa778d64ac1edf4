package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Instant;

import dev.baton.catalog.PriceBookVersionId;
import dev.baton.subscription.SubscriptionId;

/**
 * What a subject used of a meter in a closed billing period, as one close saw it: revision 0 when
 * the period closed, a later revision when events for it arrived after it closed ({@code late()}),
 * taken at the close of period {@code closedIn}, the usage invoice it belongs on. Each revision
 * carries the allowance and the units drawn from packs so far, the subscription whose metered
 * price applies, and the figures of the revision before it.
 *
 * @param unit the unit of {@code value} (GB-months for a level over time)
 * @param lateEvents the events counted since the revision before (all of them for revision 0)
 * @param prepaid the units drawn from prepaid packs for the period, up to this revision
 * @param contract the subscription billed, null when no subscription of the subject prices the meter
 * @param previous the revision before, null for revision 0
 */
public record ClosedUsage(String meterCode, String meterName, Aggregation aggregation, String unit, String subject,
		Instant periodStart, Instant periodEnd, int revision, Instant closedIn, BigDecimal value, long events,
		long lateEvents, BigDecimal allowance, BigDecimal prepaid, Contract contract, Figures previous) {

	/** The subscription and metered price a period is billed at: resolved once, when it closed. */
	public record Contract(SubscriptionId subscriptionId, String planCode, String currency,
			PriceBookVersionId priceBookVersionId, int seats) {
	}

	/** The figures of a revision: used, events, allowance and units from packs. */
	public record Figures(BigDecimal value, long events, BigDecimal allowance, BigDecimal prepaid) {
	}

	/** Whether this revision was taken after the period closed, for events that arrived late. */
	public boolean late() {
		return !closedIn.equals(periodStart);
	}
}
