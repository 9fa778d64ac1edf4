/**
 * Shared ground every module stands on: the database (embedded PostgreSQL by default), the web
 * edge's error contract (RFC 9457 Problem Details), request ids, idempotent POSTs and the clock.
 * <p>
 * The base package is the API other modules use: {@link dev.baton.platform.BatonException},
 * {@link dev.baton.platform.ProblemType}, {@link dev.baton.platform.Versions} and
 * {@link dev.baton.platform.Idempotency}. Sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package dev.baton.platform;
