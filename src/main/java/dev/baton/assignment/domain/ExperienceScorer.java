package dev.baton.assignment.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;

/**
 * Rates relatable experience: past requests of the circle the SA took or assisted that share the
 * opportunity's segment, the account's industry or a competitor. Each of the three kinds that
 * matches at least once adds a third.
 */
public final class ExperienceScorer implements Scorer {

	public static final String NAME = "experience";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		long segment = 0;
		long industry = 0;
		var competitors = new LinkedHashSet<String>();
		long againstCompetitor = 0;
		for (var past : candidate.history()) {
			if (past.requestId().equals(request.requestId())) {
				continue;
			}
			if (request.segment() != null && request.segment() == past.segment()) {
				segment++;
			}
			if (request.industry() != null && request.industry().equalsIgnoreCase(past.industry())) {
				industry++;
			}
			var shared = false;
			for (var competitor : request.competitors()) {
				for (var theirs : past.competitors()) {
					if (competitor.strip().toLowerCase(Locale.ROOT).equals(theirs.strip().toLowerCase(Locale.ROOT))) {
						competitors.add(competitor.strip());
						shared = true;
					}
				}
			}
			if (shared) {
				againstCompetitor++;
			}
		}
		var reasons = new ArrayList<String>();
		if (segment > 0) {
			reasons.add(Texts.count(segment, "past request", "past requests") + " in " + request.segment().label());
		}
		if (industry > 0) {
			reasons.add(Texts.count(industry, "past request", "past requests") + " in " + request.industry());
		}
		if (againstCompetitor > 0) {
			reasons.add(Texts.count(againstCompetitor, "past request", "past requests") + " against "
					+ String.join(", ", competitors));
		}
		if (reasons.isEmpty()) {
			reasons.add("no relatable past requests");
		}
		var kinds = (segment > 0 ? 1 : 0) + (industry > 0 ? 1 : 0) + (againstCompetitor > 0 ? 1 : 0);
		return new Score(kinds / 3.0, reasons);
	}
}
