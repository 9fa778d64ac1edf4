package dev.baton.assignment.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.baton.identity.Role;
import dev.baton.organisation.Absence;
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;

/**
 * An SA who might take the request, with what the policies need to know about them.
 *
 * @param otherCircle whether they belong to another circle of the board than the request's
 * @param absences their absences around the meeting days and the capacity horizon
 * @param openWork open requests they hold or assist on
 * @param recentAssignments requests of their circle assigned to them within the fairness window
 * @param recentEffort the effort of those requests in load units ({@link Workload}), as assignee
 * @param history requests of their circle they took or assisted within the experience window
 * @param capacity their capacity picture over the horizon
 */
public record Candidate(UUID personId, String name, Role role, Seniority seniority, ZoneId timeZone,
		Map<String, SkillLevel> skills, UUID circleId, String circleName, boolean otherCircle, List<Absence> absences,
		List<OpenWork> openWork, int recentAssignments, double recentEffort, List<PastWork> history, CapacityPolicy.Capacity capacity) {

	public Candidate {
		skills = skills == null ? Map.of() : Map.copyOf(skills);
		absences = absences == null ? List.of() : List.copyOf(absences);
		openWork = openWork == null ? List.of() : List.copyOf(openWork);
		history = history == null ? List.of() : List.copyOf(history);
	}

	/** An open request in someone's hands: what kind of effort, and whether they only assist. */
	public record OpenWork(UUID requestId, boolean pov, boolean qaOnly, boolean assist) {
	}

	/** A past request of the circle this SA took or assisted, with what made it what it was. */
	public record PastWork(UUID requestId, UUID requesterId, UUID accountId, Segment segment, String industry,
			List<String> competitors, boolean assist) {

		public PastWork {
			competitors = competitors == null ? List.of() : List.copyOf(competitors);
		}
	}
}
