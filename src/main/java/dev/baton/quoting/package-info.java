/**
 * Sales-assisted quotes: deal desk or the AE builds a quote from an opportunity, with lines from
 * the price book, a term, seats and discounts; discounts above the thresholds need deal desk's and
 * finance's approval; quotes have revisions and an expiry; an accepted quote becomes an order
 * without anyone retyping it, also when its opportunity is closed won. See docs/purchasing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quoting",
		allowedDependencies = { "ordering", "billing", "subscription", "catalog", "pipeline", "identity", "audit",
				"platform" })
package dev.baton.quoting;
