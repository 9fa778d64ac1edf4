package dev.baton.assignment.domain;

import java.util.List;

/**
 * A second-stage policy: rates how well a candidate fits the request from 0 to 1, with the
 * reasons a person can read. The recommender multiplies the value by the factor's weight.
 */
public interface Scorer {

	/** The factor's stable name, also its weight's key. */
	public String name();

	public Score score(RequestFacts request, Candidate candidate);

	/**
	 * Rates the candidate knowing their circle; a scorer that does not compare a candidate with
	 * their circle ignores it.
	 */
	default Score score(RequestFacts request, Candidate candidate, Circle circle) {
		return score(request, candidate);
	}

	/**
	 * What the recommender knows of the candidate's circle: the mean effort (load units, as
	 * assignee, within the fairness window) of its SAs who were considered, filtered out or not.
	 */
	public record Circle(double meanEffort) {
	}

	/** A value from 0 (no fit) to 1 (best fit) and why. */
	public record Score(double value, List<String> reasons) {

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
