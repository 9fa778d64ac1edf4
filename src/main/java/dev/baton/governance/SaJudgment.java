package dev.baton.governance;

import java.time.Instant;
import java.util.UUID;

import dev.baton.pipeline.Stage;

/**
 * One SA Judgment on an opportunity, as recorded (judgments are never changed, a newer one
 * supersedes): the colour, the one-line comment, the checklist, and the stage and AE forecast
 * category at that moment.
 */
record SaJudgment(UUID id, UUID opportunityId, UUID saId, JudgmentColor color, String comment, Checklist checklist,
		Stage stage, String forecastCategory, Instant recordedAt) {

	/**
	 * The points the colour is judged against: the technical statement (customer knowledge, clear
	 * use cases and pains, product match) and the customer's implication (access to development,
	 * security and operations, connection to the technical buyer, responsiveness).
	 */
	record Checklist(Boolean customerKnowledge, Boolean clearUseCases, Boolean productMatch,
			Boolean accessToTeams, Boolean technicalBuyer, Boolean responsiveness) {

		static final java.util.List<String> FIELDS = java.util.List.of("customerKnowledge", "clearUseCases",
				"productMatch", "accessToTeams", "technicalBuyer", "responsiveness");

		int met() {
			int n = 0;
			for (var b : new Boolean[] { customerKnowledge, clearUseCases, productMatch, accessToTeams, technicalBuyer,
					responsiveness }) {
				n += Boolean.TRUE.equals(b) ? 1 : 0;
			}
			return n;
		}
	}

	/** As the CRM field {@code SA Validated Tech Eval Close Details} shows it: {@code [RED] No access...}. */
	String line() {
		return "[" + color + "] " + comment;
	}
}
