package dev.baton.catalog;

import java.time.LocalDate;

/**
 * A price book version was published: from {@code effectiveFrom} new sales (and, with
 * {@link Grandfathering#APPLY_TO_EXISTING}, existing subscriptions) are priced by it.
 */
public record PriceBookVersionPublished(PriceBookVersionId versionId, int number, LocalDate effectiveFrom,
		Grandfathering grandfathering) {
}
