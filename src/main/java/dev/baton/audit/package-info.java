/**
 * The append-only audit trail: who changed what, when and why, for every write in Baton.
 * <p>
 * Modules call {@link dev.baton.audit.AuditLog} inside their business transaction, so an entry
 * exists exactly when the change does. Admins read the trail through {@code /api/v1/audit}; pages
 * that show a record read its history through {@link dev.baton.audit.AuditHistory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "platform" })
package dev.baton.audit;
