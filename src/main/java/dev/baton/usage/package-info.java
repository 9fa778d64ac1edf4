/**
 * Metered usage: systems that run the customer's workloads send usage as CloudEvents with a source
 * token; each event is counted exactly once, by its (source, id), however often it is sent;
 * administrators define meters (which event type, which value, how it adds up, which dimensions)
 * and the totals per subject, hour and dimension are kept up to date as events arrive, so that
 * billing and pages never scan the raw events. See docs/usage.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage",
		allowedDependencies = { "identity", "audit", "platform" })
package dev.baton.usage;
