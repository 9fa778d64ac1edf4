/**
 * Post-sales work once a deal moves on: the CSM transition and Live Optimization tasks the
 * pipeline's stage changes start, each person's task list, the Customer Success Manager aligned
 * to an account (which on-site approvals read too) and the after-close reply that redirects a
 * customer to support.
 * <p>
 * The API is {@link dev.baton.postsales.Tasks}, {@link dev.baton.postsales.CsmAlignments} and
 * {@link dev.baton.postsales.SupportRedirects}; it reacts to
 * {@link dev.baton.pipeline.OpportunityStageChanged}. A CRUD-thin module: the services keep their
 * SQL, the rules are policies in {@code domain}, the controllers and the page in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Post-sales",
		allowedDependencies = { "engagement", "pipeline", "organisation", "identity", "audit", "platform" })
package dev.baton.postsales;
