/**
 * The SA Judgment indicator: the SA's technical view (RED, YELLOW, GREEN, a one-line comment and
 * the checklist) of the risk in an opportunity's forecast, recorded append-only; which open
 * opportunities the configured rule requires one on, where the judgment disagrees with the AE's
 * forecast category, and each SA's calibration against won and lost outcomes.
 * <p>
 * The API is {@link dev.baton.judgment.Judgments}; the rules are policies in {@code domain}, the
 * SQL in {@code jdbc}, the API and the page in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SA Judgment",
		allowedDependencies = { "pipeline", "organisation", "identity", "audit", "platform" })
package dev.baton.judgment;
