/**
 * The catalog and the versioned price book: what the vendor sells (subscription tiers for SaaS,
 * Self-Managed and Dedicated, per-seat add-ons, consumable packs, professional services), the
 * plans it is sold on (billing period, term, charge model, unit), and list prices per currency in
 * price book versions that become immutable once published, each effective from a date.
 * <p>
 * Other modules price through {@link dev.baton.catalog.Catalog#price}: the answer names the price
 * book version it came from, so every charge can say where its price came from. See
 * docs/purchasing.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = { "audit", "platform" })
package dev.baton.catalog;
