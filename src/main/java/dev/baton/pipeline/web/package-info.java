/**
 * The pipeline API (accounts, opportunities, the upsert by the CRM's id, CSV import) and the
 * import page.
 */
package dev.baton.pipeline.web;
