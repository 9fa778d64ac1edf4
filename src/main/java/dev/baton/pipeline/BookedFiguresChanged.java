package dev.baton.pipeline;

/**
 * An account's booked figures (subscription ARR and the next renewal, in total and per
 * opportunity) changed; the CRM hears them as {@code crm.account-summary}.
 */
public record BookedFiguresChanged(BookedFigures.Summary figures) {
}
