package dev.baton.assignment;

/**
 * Spreads work by effort: the less effort (in load units, a POV weighing more than a question-and-answer call) of the
 * circle's requests an SA was assigned within the fairness window, the higher, falling linearly
 * from 1 with none to 0 at a full share: the capacity of one SA (units per SA over the capacity
 * horizon) stretched over the window.
 */
final class FairnessScorer implements Scorer {

	static final String NAME = "fairness";

	private final long windowDays;
	private final double fullShare;

	FairnessScorer(long windowDays, double unitsPerSa, int horizonDays) {
		if (windowDays < 1 || unitsPerSa <= 0 || horizonDays < 1) {
			throw new IllegalArgumentException("windowDays, unitsPerSa and horizonDays must be positive");
		}
		this.windowDays = windowDays;
		this.fullShare = unitsPerSa * windowDays / horizonDays;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		var n = candidate.recentAssignments();
		var effort = candidate.recentEffort();
		var reason = n == 0 ? "no assignments in the last " + windowDays + " days"
				: Texts.count(n, "assignment", "assignments") + " (effort " + Texts.number(effort) + ") in the last "
						+ windowDays + " days";
		return Score.of(1 - Math.min(effort, fullShare) / fullShare, reason);
	}
}
