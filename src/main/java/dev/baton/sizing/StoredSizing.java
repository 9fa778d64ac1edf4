package dev.baton.sizing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved recommendation in full: the metrics as given and the recommendation exactly as it was
 * made, so it reads the same after the data editions or the rules change.
 */
record StoredSizing(UUID id, UUID opportunityId, String edition, String note, String savedBy, Instant savedAt,
		MetricsInput metrics, Recommendation recommendation) {

	StoredSizing {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(opportunityId, "opportunityId");
		Objects.requireNonNull(edition, "edition");
		Objects.requireNonNull(savedBy, "savedBy");
		Objects.requireNonNull(savedAt, "savedAt");
		Objects.requireNonNull(metrics, "metrics");
		Objects.requireNonNull(recommendation, "recommendation");
	}

	SavedSizing brief() {
		return new SavedSizing(id, opportunityId, edition, recommendation.architecture().id(),
				recommendation.deployment(), recommendation.gitaly().topology(), recommendation.summary(), note,
				savedBy, savedAt, SavedSizing.printLink(id));
	}
}
