/**
 * Governance of the engagement model around SA requests: on-site requests with their two
 * approvals, the SA Judgment indicator with its coverage, forecast alignment and calibration,
 * post-sales tasks (CSM transition, Live Optimization) and the after-close redirect, circle
 * rituals with an iCalendar feed, and the engagement reports.
 * <p>
 * It reads engagement, pipeline and organisation through their public APIs, reacts to
 * {@link dev.baton.pipeline.OpportunityStageChanged}, and tells other modules what it decided
 * through the events of the modules split from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package dev.baton.governance;
