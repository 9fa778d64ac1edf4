package dev.baton.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the price book: a draft while it is prepared, then published and immutable,
 * effective from a date until a later published version takes over.
 */
public record PriceBookVersion(PriceBookVersionId id, int number, String name, LocalDate effectiveFrom,
		Grandfathering grandfathering, Status status, Instant publishedAt, String publishedBy, int version,
		List<PriceEntry> entries) {

	public enum Status {
		DRAFT, PUBLISHED
	}

	public PriceBookVersion {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
		Objects.requireNonNull(status, "status");
		entries = List.copyOf(entries);
	}

	public boolean isPublished() {
		return status == Status.PUBLISHED;
	}

	public Optional<PriceEntry> entry(String planCode, java.util.Currency currency) {
		return entries.stream().filter(e -> e.planCode().equals(planCode) && e.currency().equals(currency)).findFirst();
	}
}
