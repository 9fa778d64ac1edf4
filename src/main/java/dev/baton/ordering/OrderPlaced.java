package dev.baton.ordering;

/**
 * An order was placed and its actions applied.
 */
public record OrderPlaced(Order order) {
}
