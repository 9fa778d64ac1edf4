package dev.baton.assignment.domain;

/**
 * Spreads work by effort: compares the effort (in load units, a POV weighing more than a
 * question-and-answer call) of the circle's requests an SA was assigned within the fairness window
 * with the mean of their circle. At the mean the value is one half; it rises linearly to 1 at half
 * the span below the mean and falls to 0 at half the span above it. Looking at the gap to the
 * circle's mean rather than at an absolute share keeps telling SAs apart when the whole circle is
 * busy. Without a circle the mean is taken as 0.
 */
public final class FairnessScorer implements Scorer {

	public static final String NAME = "fairness";

	private final long windowDays;
	private final double span;

	public FairnessScorer(long windowDays, double span) {
		if (windowDays < 1 || !(span > 0)) {
			throw new IllegalArgumentException("windowDays and span must be positive");
		}
		this.windowDays = windowDays;
		this.span = span;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		return score(request, candidate, new Circle(0));
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate, Circle circle) {
		var n = candidate.recentAssignments();
		var effort = candidate.recentEffort();
		var reason = n == 0 ? "no assignments in the last " + windowDays + " days"
				: Texts.count(n, "assignment", "assignments") + " (effort " + Texts.number(effort) + ") in the last "
						+ windowDays + " days";
		reason += ", circle mean " + Texts.number(circle.meanEffort());
		return Score.of(0.5 + (circle.meanEffort() - effort) / span, reason);
	}
}
