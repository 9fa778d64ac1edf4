/**
 * Orders: the one way anything is bought or changed, for every channel (web self-service,
 * sales-assisted, a reseller ordering for its end customer, a distributor's marketplace). An
 * order carries order actions ({@link dev.baton.subscription.SubscriptionChange}); placing it
 * applies them to the subscriptions in the same transaction, and once placed it never changes.
 * Orders are idempotent by the client's {@code Idempotency-Key}, backed by a unique constraint.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ordering",
		allowedDependencies = { "subscription", "billing", "catalog", "pipeline", "audit", "platform" })
package dev.baton.ordering;
