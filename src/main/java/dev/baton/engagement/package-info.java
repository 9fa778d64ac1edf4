/**
 * SA requests from intake to done under the circle's triage rules: templates and their required
 * information, segment advisories and approval gates, the thread with the circle's discussion and
 * the 4 questions, second review or waiver, fast track, assignment, the guarded status workflow,
 * and the triage and SLA clocks on the board's business calendar.
 * <p>
 * This package is the module's API: the {@link dev.baton.engagement.Engagement} service, the
 * {@link dev.baton.engagement.SaRequests} reads, the {@link dev.baton.engagement.SaRequestId} typed
 * id, the {@link dev.baton.engagement.EngagementRule} rules and the values other modules see. Other
 * modules learn what happens through the events in this package
 * ({@link dev.baton.engagement.SaRequestFiled}, {@link dev.baton.engagement.SaRequestAssigned}, ...),
 * published through the transactional outbox. {@code domain} holds the aggregate and its policies,
 * {@code jdbc} the SQL, {@code web} the API and page controllers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement",
		allowedDependencies = { "platform", "audit", "identity", "organisation", "pipeline", "sizing" })
package dev.baton.engagement;
