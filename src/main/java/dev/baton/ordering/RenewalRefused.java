package dev.baton.ordering;

import dev.baton.subscription.Subscription;

/**
 * The renewal job could not renew (or close) a subscription, for example because the price book
 * has no price for its plan in its currency at renewal; the account team must act before the term
 * ends. Announced once per subscription, term end and reason.
 */
public record RenewalRefused(Subscription subscription, String reason) {
}
