/**
 * Metered usage: systems that run the customer's workloads send usage as CloudEvents with a source
 * token; each event is counted exactly once, by its (source, id), however often it is sent;
 * administrators define meters (which event type, which value, how it adds up, which dimensions)
 * and the totals per subject, hour and dimension are kept up to date as events arrive, so that
 * billing and pages never scan the raw events. Billing periods (UTC months) close a grace after
 * they end, behind a watermark per meter; what arrives later is a new revision of the closed
 * period. Each subject's allowance comes from its subscription's metered price in the catalog;
 * prepaid packs bought by orders are drawn on after it; entitlements answer what is left, and
 * notices go out at 30, 5 and 0 percent left. See docs/usage.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage",
		allowedDependencies = { "subscription", "catalog", "pipeline", "identity", "audit", "platform" })
package dev.baton.usage;
