package dev.baton.engagement.web;

import java.util.List;
import java.util.Map;

import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;

/**
 * A rule that stands in the way, by its stable identifier, in words: the {@code violations[]} of
 * the API's answers and of the request page.
 */
record RuleViolation(String rule, String message) implements java.io.Serializable {

	static List<RuleViolation> of(Decision decision) {
		return decision.refusals().stream().map(r -> new RuleViolation(r.ruleId(), r.reason())).toList();
	}

	/** The violations a refusal carries ({@link Decision#toException}), none when it carries none. */
	static List<RuleViolation> of(BatonException refused) {
		if (!(refused.properties().get("violations") instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(Map.class::isInstance).map(Map.class::cast)
				.map(v -> new RuleViolation(String.valueOf(v.get("rule")), String.valueOf(v.get("message")))).toList();
	}

	/** Whether the triage rules allow an assignment, and if not, every rule in the way. */
	record Check(boolean allowed, List<RuleViolation> violations) {

		static Check of(Decision decision) {
			return new Check(decision.isAllowed(), RuleViolation.of(decision));
		}
	}
}
