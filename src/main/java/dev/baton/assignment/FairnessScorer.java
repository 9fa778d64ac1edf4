package dev.baton.assignment;

/**
 * Spreads assignments: the fewer requests of the circle an SA was assigned within the fairness
 * window, the higher: 1 with none, 1/2 with one, 1/(n+1) with n.
 */
final class FairnessScorer implements Scorer {

	static final String NAME = "fairness";

	private final long windowDays;

	FairnessScorer(long windowDays) {
		this.windowDays = windowDays;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		var n = candidate.recentAssignments();
		var reason = (n == 0 ? "no assignments" : Texts.count(n, "assignment", "assignments")) + " in the last "
				+ windowDays + " days";
		return Score.of(1.0 / (1 + n), reason);
	}
}
