package dev.baton.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Days a person is away, from {@code startDate} to {@code endDate} inclusive, so the circle can
 * cover for them and assignment can pass them by. {@code note} is shown only to the person, their
 * managers and administrators; other readers get it as null.
 */
public record Absence(UUID id, UUID personId, AbsenceKind kind, LocalDate startDate, LocalDate endDate, String note,
		String createdBy, Instant createdAt) {

	public Absence {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(startDate, "startDate");
		Objects.requireNonNull(endDate, "endDate");
		if (endDate.isBefore(startDate)) {
			throw new IllegalArgumentException("An absence must end on or after its start, but was " + startDate + " to "
					+ endDate);
		}
	}

	/** Whether the person is away on a day. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(startDate) && !day.isAfter(endDate);
	}

	/** Calendar days away, both ends counted. */
	public long days() {
		return java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate) + 1;
	}

	Absence withoutNote() {
		return note == null ? this : new Absence(id, personId, kind, startDate, endDate, null, createdBy, createdAt);
	}
}
