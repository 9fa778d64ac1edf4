package dev.baton.organisation;

/**
 * A sales region (AMER, EMEA, APAC).
 */
public record Region(String key, String name) {
}
