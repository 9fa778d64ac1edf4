package dev.baton.assignment;

import java.util.List;

/**
 * A second-stage policy: rates how well a candidate fits the request from 0 to 1, with the
 * reasons a person can read. The recommender multiplies the value by the factor's weight.
 */
interface Scorer {

	/** The factor's stable name, also its weight's key. */
	String name();

	Score score(RequestFacts request, Candidate candidate);

	/** A value from 0 (no fit) to 1 (best fit) and why. */
	record Score(double value, List<String> reasons) {

		public Score {
			if (Double.isNaN(value) || value < 0 || value > 1) {
				throw new IllegalArgumentException("A score must be between 0 and 1 but was " + value);
			}
			reasons = List.copyOf(reasons);
		}

		static Score of(double value, String... reasons) {
			return new Score(Math.max(0, Math.min(1, value)), List.of(reasons));
		}
	}
}
