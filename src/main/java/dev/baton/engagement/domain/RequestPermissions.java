package dev.baton.engagement.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.baton.engagement.EngagementRule;
import dev.baton.engagement.RequestStatus;
import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Person;
import dev.baton.platform.Decision;

/**
 * Who may take which step on a request, each a named rule with its reason: the service refuses
 * with it (403) and the request page shows the same decision, so the page never offers a form the
 * API would refuse.
 */
public final class RequestPermissions {

	private RequestPermissions() {
	}

	/** Only an AE files SA requests. */
	public static Decision mayFile(CallContext caller) {
		return forPerson(caller, EngagementRule.MAY_FILE, () -> Decision.check()
				.refuseIf(!caller.has(Role.AE), EngagementRule.MAY_FILE, () -> "Only an AE files SA requests").decide());
	}

	/** The requester, the circle, whoever works the request, managers and admins comment. */
	public static Decision mayComment(CallContext caller, SaRequest request, Circle circle) {
		var allowed = caller.is(request.requesterId()) || triages(caller, circle) || caller.is(request.assigneeId())
				|| caller.has(Role.SA_MANAGER) || caller.has(Role.ASM) || caller.has(Role.ADMIN);
		return forPerson(caller, EngagementRule.MAY_COMMENT, () -> Decision.check().refuseIf(!allowed,
				EngagementRule.MAY_COMMENT,
				() -> "Only the requester, " + circle.name() + " and managers comment on this request").decide());
	}

	/** The requesting AE answers the circle's questions. */
	public static Decision mayAnswerAsRequestor(CallContext caller, SaRequest request) {
		return forPerson(caller, EngagementRule.MAY_ANSWER_AS_REQUESTOR, () -> Decision.check()
				.refuseIf(!caller.is(request.requesterId()), EngagementRule.MAY_ANSWER_AS_REQUESTOR,
						() -> "Only the requesting AE answers the circle's questions")
				.decide());
	}

	public static Decision mayAnswerQuestions(CallContext caller, SaRequest request, Circle circle) {
		return circleStep(caller, request, circle, EngagementRule.MAY_ANSWER_QUESTIONS, "answer the 4 questions");
	}

	public static Decision mayReview(CallContext caller, SaRequest request, Circle circle) {
		return circleStep(caller, request, circle, EngagementRule.MAY_REVIEW, "review the command plan");
	}

	public static Decision mayWaive(CallContext caller, SaRequest request, Circle circle) {
		return circleStep(caller, request, circle, EngagementRule.MAY_WAIVE, "waive the second review");
	}

	public static Decision mayAssign(CallContext caller, SaRequest request, Circle circle) {
		return circleStep(caller, request, circle, EngagementRule.TRIAGE_ACTOR, "assign it");
	}

	public static Decision mayDecline(CallContext caller, SaRequest request, Circle circle) {
		return circleStep(caller, request, circle, EngagementRule.MAY_DECLINE, "decline it");
	}

	/** Moving on the board and changing labels: the circle and whoever works the request. */
	public static Decision mayMove(CallContext caller, SaRequest request, Circle circle, String what) {
		return circleStep(caller, request, circle, EngagementRule.MAY_MOVE, what);
	}

	/**
	 * The assignee, the manager of the request's circle, the assignee's own manager or their
	 * circle's manager, and admins hand an assigned request over.
	 *
	 * @param assignee the current assignee, null when none or unknown
	 * @param assigneeCircle the circle the current assignee is a member of, null when none
	 */
	public static Decision mayReassign(CallContext caller, SaRequest request, Circle circle, Person assignee,
			Circle assigneeCircle) {
		var me = caller.personId();
		var allowed = me != null && (caller.has(Role.ADMIN) || me.equals(request.assigneeId())
				|| me.equals(circle.managerId())
				|| (request.assigneeId() != null && assignee != null && me.equals(assignee.managerId()))
				|| (request.assigneeId() != null && assigneeCircle != null && me.equals(assigneeCircle.managerId())));
		return forPerson(caller, EngagementRule.MAY_REASSIGN, () -> Decision.check().refuseIf(!allowed,
				EngagementRule.MAY_REASSIGN, () -> "Only the assignee, their SA manager, the manager of " + circle.name()
						+ " or an admin hands this request over")
				.decide());
	}

	/**
	 * The person themselves, their manager or their circle's manager, and admins accept a coverage
	 * plan for a person's absence.
	 */
	public static Decision mayCover(CallContext caller, Person absent, Circle absentCircle) {
		return forPerson(caller, EngagementRule.MAY_COVER, () -> Decision.check()
				.refuseIf(!caller.is(absent.id()) && !caller.is(absent.managerId())
						&& !(absentCircle != null && caller.is(absentCircle.managerId())) && !caller.has(Role.ADMIN),
						EngagementRule.MAY_COVER,
						() -> "Only " + absent.name() + ", their manager or an admin accepts their coverage plan")
				.decide());
	}

	/**
	 * A person other than the requester approves a gated request in one of the gate's roles that has
	 * not approved yet, and each person approves once.
	 */
	public static Decision mayApprove(CallContext caller, SaRequest request, List<ThreadItems.Approval> given) {
		var decision = Decision.check()
				.refuseIf(request.status() != RequestStatus.AWAITING_APPROVAL, EngagementRule.MAY_APPROVE,
						() -> "The request needs no approval: it is in " + request.status().label())
				.refuseIf(caller.is(request.requesterId()), EngagementRule.MAY_APPROVE,
						() -> "The requesting AE does not approve their own request")
				.decide();
		if (decision.isRefused()) {
			return decision;
		}
		return forPerson(caller, EngagementRule.MAY_APPROVE, () -> Decision.check()
				.refuseIf(approvingRole(caller, request, given).isEmpty(), EngagementRule.MAY_APPROVE,
						() -> "This request needs approval by "
								+ request.gate().approvers().stream().map(Enum::name).sorted().toList()
								+ " and none of your roles is still to approve")
				.refuseIf(given.stream().anyMatch(a -> caller.is(a.approverId())), EngagementRule.MAY_APPROVE,
						() -> "Two different people approve; you did already")
				.decide());
	}

	/** The gate's role the caller approves in: the first of their roles that has not approved yet. */
	public static Optional<Role> approvingRole(CallContext caller, SaRequest request, List<ThreadItems.Approval> given) {
		return request.gate().approvers().stream()
				.filter(caller::has)
				.filter(role -> given.stream().noneMatch(a -> a.role() == role))
				.sorted().findFirst();
	}

	private static boolean triages(CallContext caller, Circle circle) {
		return AssignmentPolicy.isCircle(circle, caller.personId());
	}

	/**
	 * The circle's steps: never the requester; a member or the manager of the circle, or an SA of
	 * another circle who took the request over and works it like a member.
	 */
	private static Decision circleStep(CallContext caller, SaRequest request, Circle circle, EngagementRule rule,
			String what) {
		var requester = caller.is(request.requesterId());
		var works = caller.is(request.assigneeId()) || caller.is(request.assistId());
		return forPerson(caller, rule, () -> Decision.check()
				.refuseIf(requester, rule, () -> "The requesting AE does not " + what)
				.refuseIf(!requester && !triages(caller, circle) && !works, rule,
						() -> "Only members of " + circle.name() + " or its manager " + what)
				.decide());
	}

	/** A login without a person in the organisation takes no step on a request. */
	private static Decision forPerson(CallContext caller, EngagementRule rule, Supplier<Decision> decision) {
		return caller.person() == null ? Decision.refused(rule, caller.username()
				+ " has no person in the organisation; an admin links them first") : decision.get();
	}
}
