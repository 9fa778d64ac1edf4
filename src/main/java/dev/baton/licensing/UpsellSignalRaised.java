package dev.baton.licensing;

import java.time.Instant;
import java.util.UUID;

import dev.baton.subscription.SubscriptionId;

/**
 * An up-sell signal on an account, for the account team and the CRM: its cause, the period it is
 * about (each cause fires once per period), the evidence in words and the owner AE (a person id;
 * null when the account has none).
 */
public record UpsellSignalRaised(UpsellSignalId signalId, UUID accountId, String accountName,
		SubscriptionId subscriptionId, String subscriptionNumber, UpsellSignal.Cause cause, String period,
		String evidence, UUID ownerId, Instant raisedAt) {
}
