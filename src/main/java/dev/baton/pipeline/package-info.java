/**
 * The pipeline Baton works on: accounts and opportunities mirrored from the CRM, with stage,
 * segment, Net ARR, close date and the AE's command plan, fed by an upsert API and CSV imports of
 * CRM reports keyed by the CRM's ids. Baton never needs the CRM to run.
 * <p>
 * The base package is the API: the records, typed ids, {@link dev.baton.pipeline.Pipeline} (the
 * reads other modules use), {@link dev.baton.pipeline.OpportunitySync} (the upsert) and
 * {@link dev.baton.pipeline.OpportunityCsvImport}; {@code jdbc} holds the repositories, {@code web}
 * the API and the import page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipeline",
		allowedDependencies = { "organisation", "identity", "audit", "platform" })
package dev.baton.pipeline;
