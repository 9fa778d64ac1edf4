package dev.baton.assignment;

import java.util.Optional;

/**
 * A first-stage policy: excludes a candidate who cannot take the request, saying why.
 */
interface CandidateFilter {

	/** The stable name the API shows with an exclusion. */
	String name();

	/** Why the candidate is excluded, or empty when they pass. */
	Optional<String> exclude(RequestFacts request, Candidate candidate);
}
