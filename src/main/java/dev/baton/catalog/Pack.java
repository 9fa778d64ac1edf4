package dev.baton.catalog;

/**
 * A consumable plan sold once that prepays the units of a meter (a pack of compute minutes): an
 * order adding it gives the buyer that many units to draw on after the monthly allowance.
 */
public record Pack(String planCode, String meterCode) {
}
