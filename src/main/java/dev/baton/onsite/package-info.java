/**
 * On-site requests: a request to meet a customer on site with the engagement model's brief, its
 * two prerequisites, and the approvals of an SA manager and an ASM (two different people, neither
 * the requester); changed dates expire the approvals.
 * <p>
 * The API is {@link dev.baton.onsite.OnsiteRequests}; other modules learn what was decided through
 * {@link dev.baton.onsite.OnsiteRequestFiled}, {@link dev.baton.onsite.OnsiteRequestApproved} and
 * {@link dev.baton.onsite.OnsiteRequestRejected}. The aggregate and its policies live in
 * {@code domain}, the SQL in {@code jdbc}, the API and the pages in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "On-site requests",
		allowedDependencies = { "postsales", "pipeline", "organisation", "identity", "audit", "platform" })
package dev.baton.onsite;
