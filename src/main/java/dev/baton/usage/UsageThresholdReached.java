package dev.baton.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.baton.subscription.SubscriptionId;

/**
 * A subject has {@code thresholdPercent} percent or less left of what it may use of a meter this
 * period (its allowance and its packs): 30, 5 or 0, each once per period. For the customer's billing
 * contact, the owner AE (an up-sell signal: {@code ownerId}, a person id, null when the account has
 * none) and the CRM.
 *
 * @param period the period, as year and month (2027-03)
 * @param remaining what is left, in the meter's unit (0 or less when exhausted)
 * @param available the allowance and the packs' balance the period started from
 */
public record UsageThresholdReached(String subject, UUID accountId, String accountName, String meterCode,
		String meterName, String unit, String period, int thresholdPercent, BigDecimal remaining, BigDecimal available,
		SubscriptionId subscriptionId, String subscriptionNumber, UUID ownerId, Instant reachedAt) {
}
