package dev.baton.assignment.domain;

import java.util.Optional;

import dev.baton.platform.Decision;

/**
 * A first-stage policy: refuses a candidate who cannot take the request, saying why.
 */
public interface CandidateFilter {

	/** The stable name the API shows with an exclusion. */
	String name();

	/** Allowed when the candidate passes; otherwise refused by the filter's rule with the reason. */
	Decision decide(RequestFacts request, Candidate candidate);

	/** Why the candidate is excluded, or empty when they pass. */
	default Optional<String> exclude(RequestFacts request, Candidate candidate) {
		return decide(request, candidate).reason();
	}
}
