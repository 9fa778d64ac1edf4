package dev.baton.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.domain.RequestPermissions;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;

/**
 * Hands an absent SA's requests to their covers in one transaction, for other modules (the
 * assignment module's coverage plan). Each hand-over is an ordinary reassignment with its note.
 */
@Service
public class Reassignments {

	private final Engagement engagement;
	private final CallContexts callers;
	private final Organisation organisation;

	Reassignments(Engagement engagement, CallContexts callers, Organisation organisation) {
		this.engagement = engagement;
		this.callers = callers;
		this.organisation = organisation;
	}

	/** One request to hand over: to whom, with which note, and the request version the plan was made on (or null). */
	public record HandOver(UUID requestId, UUID assigneeId, String handOverNote, Integer expectedVersion) {
	}

	/**
	 * Refuses (403) anyone but the person, their manager (or their circle's) and admins: only they
	 * accept a coverage plan for the person's absence. Checked before anything about the plan is
	 * read, so a refusal tells nothing about the person's absences.
	 */
	@Transactional(readOnly = true)
	public void requireMayCover(PersonId absentPersonId) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var absent = organisation.person(absentPersonId);
		RequestPermissions.mayCover(caller, absent, organisation.circleOfMember(absentPersonId).orElse(null))
				.orThrow(EngagementProblems.NOT_PERMITTED);
	}

	/**
	 * Hands over every request in the list while the person is away; all or nothing. Allowed for
	 * the person themselves, their manager (their own or their circle's SA manager) and admins.
	 * A request that the person no longer holds answers 409: the plan is out of date.
	 */
	@Transactional
	public List<SaRequestSummary> coverAbsence(PersonId absentPersonId, List<HandOver> handOvers) {
		requireMayCover(absentPersonId);
		var absent = organisation.person(absentPersonId);
		var done = new ArrayList<SaRequestSummary>();
		for (var handOver : handOvers) {
			var request = engagement.find(SaRequestId.of(handOver.requestId()));
			if (!absentPersonId.value().equals(request.assigneeId())) {
				throw new BatonException(EngagementProblems.ILLEGAL_TRANSITION, "Request " + request.id() + " is no longer "
						+ absent.name() + "'s; read the coverage plan again");
			}
			done.add(SaRequestSummary.of(engagement.reassign(SaRequestId.of(handOver.requestId()), new Engagement.Reassignment(
					handOver.assigneeId(), handOver.handOverNote(), handOver.expectedVersion()))));
		}
		return done;
	}
}
