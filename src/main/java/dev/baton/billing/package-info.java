/**
 * Billing: invoices computed by one deterministic engine from the subscriptions' contract
 * timelines and the price book. Recurring charges are billed in advance per billing period and
 * prorated by days for changes within it; the scheduled billing run writes what the engine
 * computes minus what was invoiced already (recompute and diff), so running it twice bills nothing
 * twice, and a unique key on (subscription, charge, days) makes a double charge impossible.
 * Invoices go from draft to open (finalized, numbered gaplessly per year, immutable) to paid, void
 * or uncollectible; corrections are credit notes. See docs/billing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing",
		allowedDependencies = { "subscription", "catalog", "usage", "pipeline", "audit", "platform" })
package dev.baton.billing;
