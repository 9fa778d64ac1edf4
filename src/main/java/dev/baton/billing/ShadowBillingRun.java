package dev.baton.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shadow billing run: a proposed price book version run against every subscription for the
 * billing period containing a day, writing no invoice, and what it found.
 *
 * @param unpriced subscriptions with a charge the proposed version has no price for (kept at its current price)
 */
public record ShadowBillingRun(UUID id, UUID priceBookVersionId, int priceBookVersionNumber, LocalDate on,
		Status status, String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt,
		Integer subscriptions, Integer unpriced, String failure) {

	/** Where a run stands. */
	public enum Status {
		PENDING, RUNNING, DONE, FAILED
	}

	/** What a finished run found: totals per currency, the distribution of changes and the biggest movers. */
	public record Report(ShadowBillingRun run, List<Total> totals, List<Bucket> distribution, List<Account> movers) {
	}

	/** The current and proposed amounts of the period in one currency, over the accounts billed in it. */
	public record Total(String currency, int accounts, int subscriptions, BigDecimal current, BigDecimal proposed) {

		public BigDecimal change() {
			return proposed.subtract(current);
		}
	}

	/** How many accounts' periods change by a share in a range, such as from 0% up to 5%. */
	public record Bucket(String label, int accounts) {
	}

	/** One account's period in one currency, before and after. */
	public record Account(UUID accountId, String externalId, String name, String currency, int subscriptions,
			BigDecimal current, BigDecimal proposed) {

		public BigDecimal change() {
			return proposed.subtract(current);
		}

		/** The change in percent of the current amount, one decimal; null when the current amount is zero. */
		public BigDecimal percent() {
			return current.signum() == 0 ? null
					: change().multiply(BigDecimal.valueOf(100)).divide(current, 1, java.math.RoundingMode.HALF_EVEN);
		}
	}
}
