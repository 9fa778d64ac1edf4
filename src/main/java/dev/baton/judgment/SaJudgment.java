package dev.baton.judgment;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.baton.pipeline.Stage;

/**
 * One SA Judgment on an opportunity, as recorded (judgments are never changed, a newer one
 * supersedes): the colour, the one-line comment, the checklist, and the stage and AE forecast
 * category at that moment.
 */
public record SaJudgment(UUID id, UUID opportunityId, UUID saId, JudgmentColor color, String comment, Checklist checklist,
		Stage stage, String forecastCategory, Instant recordedAt) {

	/**
	 * The points the colour is judged against: the technical statement (customer knowledge, clear
	 * use cases and pains, product match) and the customer's implication (access to development,
	 * security and operations, connection to the technical buyer, responsiveness).
	 */
	public record Checklist(Boolean customerKnowledge, Boolean clearUseCases, Boolean productMatch,
			Boolean accessToTeams, Boolean technicalBuyer, Boolean responsiveness) {

		public static final List<String> FIELDS = List.of("customerKnowledge", "clearUseCases",
				"productMatch", "accessToTeams", "technicalBuyer", "responsiveness");

		/** A checklist whose first {@code met} points hold, in order: for trusted set-up such as the demo data. */
		public static Checklist firstMet(int met) {
			return new Checklist(met > 0, met > 1, met > 2, met > 3, met > 4, met > 5);
		}

		/** The points in order, null where not answered. */
		public List<Boolean> values() {
			return Arrays.asList(customerKnowledge, clearUseCases, productMatch, accessToTeams, technicalBuyer,
					responsiveness);
		}

		public int met() {
			return (int) values().stream().filter(Boolean.TRUE::equals).count();
		}
	}

	/** As the CRM field {@code SA Validated Tech Eval Close Details} shows it: {@code [RED] No access...}. */
	public String line() {
		return "[" + color + "] " + comment;
	}
}
