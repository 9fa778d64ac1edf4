package dev.baton.assignment.domain;

/**
 * Prefers SAs who already know the customer or the AE: full marks for past work on the same
 * account, half for past work with the same AE on other accounts.
 */
public final class ContinuityScorer implements Scorer {

	public static final String NAME = "continuity";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		long account = 0;
		long ae = 0;
		for (var past : candidate.history()) {
			if (past.requestId().equals(request.requestId())) {
				continue;
			}
			if (request.accountId() != null && request.accountId().equals(past.accountId())) {
				account++;
			} else if (request.requesterId() != null && request.requesterId().equals(past.requesterId())) {
				ae++;
			}
		}
		if (account > 0) {
			return Score.of(1, "worked on " + name(request.accountName(), "this account") + " before ("
					+ Texts.count(account, "request", "requests") + ")");
		}
		if (ae > 0) {
			return Score.of(0.5, "worked with " + name(request.requesterName(), "this AE") + " before ("
					+ Texts.count(ae, "request", "requests") + ")");
		}
		return new Score(0, java.util.List.of());
	}

	private static String name(String name, String fallback) {
		return name == null || name.isBlank() ? fallback : name;
	}
}
