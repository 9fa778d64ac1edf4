/**
 * Sizing: recommends a self-managed reference architecture from a prospect's metrics and says
 * why, citing the versioned edition of the vendor's published data it used.
 * <p>
 * The API is {@link dev.baton.sizing.SizingService}, which takes {@link dev.baton.sizing.ProspectMetrics}
 * and answers with a {@link dev.baton.sizing.Recommendation}. The data lives in
 * {@code classpath:sizing/reference-architectures-<edition>.json}; see {@code docs/sizing.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sizing", allowedDependencies = { "pipeline", "audit", "platform" })
package dev.baton.sizing;
