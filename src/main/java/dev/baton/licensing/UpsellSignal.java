package dev.baton.licensing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.baton.subscription.SubscriptionId;

/**
 * An up-sell signal: a reason to talk expansion with an account, with its evidence (the report,
 * the seats paid, the users found).
 *
 * @param expansionOpportunityId the opportunity opened from it, once one is
 */
public record UpsellSignal(UpsellSignalId id, UUID accountId, SubscriptionId subscriptionId, Cause cause,
		String period, Map<String, Object> evidence, UUID ownerId, UUID opportunityId, UUID expansionOpportunityId,
		Instant raisedAt) {

	/** Why the signal fired. */
	public enum Cause {
		/** The users in use reached the threshold of the seats paid (90% by default). */
		SEAT_USE_HIGH,
		/** More users than seats paid. */
		OVERAGE,
		/** More users than the seats paid and the plan's tolerance: the customer is told at once. */
		OVER_TOLERANCE,
		/** Users keep reaching for features the plan does not include: a case for the next tier. */
		FEATURE_DEMAND
	}

	public UpsellSignal {
		evidence = Map.copyOf(evidence);
	}
}
