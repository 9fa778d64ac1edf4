/**
 * Finance and sales reports: ARR and MRR by product, segment, channel and region, bookings,
 * billings, collections, AR aging and the deferred revenue schedule, each figure with the invoices
 * and orders it comes from, as JSON, CSV and pages. The figures come from finance's own read models,
 * fed by the subscription and billing events and rebuilt per subscription or invoice from the owning
 * module's API, so a report is one aggregate in SQL. Finance also computes each account's booked
 * figures (ARR and the next renewal), which pipeline keeps and the CRM receives. See docs/finance.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finance",
		allowedDependencies = { "billing", "subscription", "ordering", "catalog", "pipeline", "organisation",
				"platform" })
package dev.baton.finance;
