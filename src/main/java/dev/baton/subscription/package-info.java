/**
 * Subscriptions: what a customer has bought and for how long, derived from the orders placed on
 * it. Each order action (create, add product, change seats, change plan, renew, cancel, suspend,
 * resume, transfer owner) makes a new version of the subscription, kept for ever, so the timeline
 * shows every version of the contract, which order made it, who and why.
 * <p>
 * Three parties are kept apart everywhere: the subscription owner (the end customer, who uses the
 * product and is the licensee), the invoice owner (the customer for direct sales, the reseller for
 * channel sales) and, for marketplace sales, the distributor that bills the reseller. Other modules
 * hear of changes through the events in this package. See docs/purchasing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions",
		allowedDependencies = { "catalog", "pipeline", "audit", "platform" })
package dev.baton.subscription;
