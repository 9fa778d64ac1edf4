package dev.baton.catalog;

/**
 * A resolved list price: the entry, and the price book version it comes from, which every charge
 * made with it names.
 */
public record Price(PriceBookVersionId versionId, int versionNumber, PriceEntry entry) {
}
