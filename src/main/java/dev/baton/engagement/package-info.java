/**
 * SA requests from intake to done under the circle's triage rules: templates and their required
 * information, segment advisories and approval gates, the thread with the circle's discussion and
 * the 4 questions, second review or waiver, fast track, assignment, the guarded status workflow,
 * and the triage and SLA clocks on the board's business calendar.
 * <p>
 * Other modules learn what happens through the events in this package ({@link SaRequestFiled},
 * {@link SaRequestAssigned}, ...), published through the transactional outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement")
package dev.baton.engagement;
