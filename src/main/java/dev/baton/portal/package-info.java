/**
 * The customer and partner portals: a customer's or a partner's login is a member of one
 * account, and through it sees that account's subscriptions and their timelines, changes them by
 * ordering (add seats, upgrade, renew, cancel), accepts the quotes sent to it and, for a partner, orders for its end customers.
 * Nobody sees another account's data: such reads answer 404. An end customer of a reseller sees
 * its subscriptions but not the reseller's prices, and none of the reseller's invoices: an account
 * sees the invoices it is the invoice owner of, and pays an open one by card. See docs/purchasing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portals",
		allowedDependencies = { "quoting", "ordering", "billing", "subscription", "catalog", "usage", "pipeline", "identity",
				"audit", "platform" })
package dev.baton.portal;
