package dev.baton.assignment.domain;

import java.util.Set;

import dev.baton.assignment.AssignmentRule;
import dev.baton.identity.Role;
import dev.baton.platform.Decision;

/**
 * Excludes anyone who is not an SA member of the circle they are proposed from, and anyone from
 * another circle unless that circle is on the request's board; a home candidate must be in the
 * request's own circle.
 */
public final class CircleMembershipFilter implements CandidateFilter {

	public static final String NAME = "circle";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Decision decide(RequestFacts request, Candidate candidate) {
		if (candidate.role() != Role.SA) {
			return Decision.refused(AssignmentRule.CIRCLE_MEMBERSHIP, "not an SA");
		}
		if (!candidate.otherCircle() && !request.circleId().equals(candidate.circleId())) {
			return Decision.refused(AssignmentRule.CIRCLE_MEMBERSHIP, "not in the request's circle");
		}
		var members = request.circleMembers().getOrDefault(candidate.circleId(), Set.of());
		if (!members.contains(candidate.personId())) {
			return Decision.refused(AssignmentRule.CIRCLE_MEMBERSHIP, "not a member of a circle on board " + request.boardKey());
		}
		return Decision.allowed();
	}
}
