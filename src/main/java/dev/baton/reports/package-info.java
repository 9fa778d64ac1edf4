/**
 * The engagement reports for managers: time to triage and SLA attainment, load per SA and circle,
 * fast-track share, requests declined or waiting for a complete command plan, SA Judgment
 * coverage and on-site spend per quarter, as JSON, CSV and a page.
 * <p>
 * Read-only: every number comes from another module's API (engagement's {@code EngagementFigures}
 * and {@code SaRequests}, {@code Judgments}, {@code OnsiteRequests}), so the reports agree with
 * them. The API is {@link dev.baton.reports.EngagementReports}; the controllers live in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
		allowedDependencies = { "engagement", "judgment", "onsite", "organisation", "platform" })
package dev.baton.reports;
