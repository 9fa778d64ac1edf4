package dev.baton.sizing.internal;

import java.util.List;
import java.util.Optional;

import dev.baton.sizing.Recommendation.Reason;

/**
 * One named rule of the sizing method: it reads the worksheet, may record its decision on it, and
 * says what it decided and why, or nothing when it does not apply.
 */
interface SizingRule {

	String name();

	Optional<Decision> apply(Worksheet sheet);

	/** What a rule decided, in a few words, and the reasons in plain words with their sources. */
	record Decision(String decision, List<Reason> reasons) {

		public Decision {
			reasons = List.copyOf(reasons);
		}
	}
}
