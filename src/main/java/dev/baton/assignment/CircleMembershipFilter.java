package dev.baton.assignment;

import java.util.Optional;
import java.util.Set;

import dev.baton.identity.Role;

/**
 * Excludes anyone who is not an SA member of the circle they are proposed from, and anyone from
 * another circle unless that circle is on the request's board; a home candidate must be in the
 * request's own circle.
 */
final class CircleMembershipFilter implements CandidateFilter {

	static final String NAME = "circle";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Optional<String> exclude(RequestFacts request, Candidate candidate) {
		if (candidate.role() != Role.SA) {
			return Optional.of("not an SA");
		}
		if (!candidate.otherCircle() && !request.circleId().equals(candidate.circleId())) {
			return Optional.of("not in the request's circle");
		}
		var members = request.circleMembers().getOrDefault(candidate.circleId(), Set.of());
		if (!members.contains(candidate.personId())) {
			return Optional.of("not a member of a circle on board " + request.boardKey());
		}
		return Optional.empty();
	}
}
