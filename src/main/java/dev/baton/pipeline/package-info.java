/**
 * The pipeline Baton works on: accounts and opportunities mirrored from the CRM, with stage,
 * segment, Net ARR, close date and the AE's command plan, fed by an upsert API and CSV imports of
 * CRM reports keyed by the CRM's ids. Baton never needs the CRM to run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipeline")
package dev.baton.pipeline;
