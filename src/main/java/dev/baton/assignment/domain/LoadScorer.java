package dev.baton.assignment.domain;

import java.util.Objects;

/**
 * Prefers SAs with less open work, weighted by effort ({@link Workload}): full marks with nothing
 * open, none at the configured units per SA or more.
 */
public final class LoadScorer implements Scorer {

	public static final String NAME = "load";

	private final Workload workload;
	private final double unitsPerSa;

	public LoadScorer(Workload workload, double unitsPerSa) {
		this.workload = Objects.requireNonNull(workload, "workload");
		if (unitsPerSa <= 0) {
			throw new IllegalArgumentException("unitsPerSa must be positive but was " + unitsPerSa);
		}
		this.unitsPerSa = unitsPerSa;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		var load = workload.load(candidate.openWork());
		return Score.of(1 - Math.min(load, unitsPerSa) / unitsPerSa,
				workload.describe(candidate.openWork()) + " (load " + Texts.number(load) + ")");
	}
}
