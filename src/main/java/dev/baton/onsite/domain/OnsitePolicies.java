package dev.baton.onsite.domain;

import java.util.Objects;

import dev.baton.identity.Role;
import dev.baton.onsite.Approver;
import dev.baton.onsite.OnsiteRule;
import dev.baton.onsite.OnsiteStatus;
import dev.baton.organisation.CallContext;
import dev.baton.platform.Decision;

/**
 * The on-site rules, each a named policy that answers with a {@link Decision}: the two
 * prerequisites, who files, who may approve in which capacity, who may reject, and who may change
 * the dates. The API refuses with these decisions and the pages show them beside disabled forms.
 */
public final class OnsitePolicies {

	private OnsitePolicies() {
	}

	/**
	 * Prerequisites: the customer requested or accepted the on-site with an agreed agenda, and a
	 * predefined initiative has a budget. Both must hold to file.
	 */
	public static Decision prerequisites(boolean customerAgreedAgenda, boolean budgetedInitiative) {
		return Decision.check()
				.refuseIf(!customerAgreedAgenda, OnsiteRule.CUSTOMER_AGREED_AGENDA,
						() -> "The customer must request or accept the on-site with an agreed-upon agenda")
				.refuseIf(!budgetedInitiative, OnsiteRule.BUDGETED_INITIATIVE,
						() -> "A predefined initiative with a budget (net new or reclaimed spend) must exist")
				.decide();
	}

	/** An AE or an SA files on-site requests. */
	public static Decision mayFile(CallContext caller) {
		return Decision.check().refuseIf(!caller.has(Role.AE) && !caller.has(Role.SA), OnsiteRule.FILER,
				() -> "Only an AE or an SA files on-site requests").decide();
	}

	/**
	 * Two approvals by two different people, neither of them the requester: the SA manager slot by
	 * someone with the SA manager role, the ASM slot by someone with the ASM role, each once. The
	 * first rule that fails answers: the later ones mean nothing without it.
	 */
	public static Decision mayApprove(OnsiteRequest request, CallContext caller, Approver capacity) {
		if (request.status() != OnsiteStatus.AWAITING_APPROVAL) {
			return notAwaiting(request);
		}
		if (caller.person() == null) {
			return Decision.refused(OnsiteRule.APPROVER_IS_A_PERSON,
					caller.username() + " has no person in the organisation");
		}
		if (caller.is(request.requesterId())) {
			return Decision.refused(OnsiteRule.NOT_THE_REQUESTER,
					"The requester may not approve their own on-site request");
		}
		if (!caller.has(capacity.role())) {
			return Decision.refused(OnsiteRule.APPROVER_ROLE,
					"Only someone with the " + capacity.role() + " role approves as " + capacity.label());
		}
		if (request.approverAs(capacity) != null) {
			return Decision.refused(OnsiteRule.APPROVAL_ONCE, "The " + capacity.label() + " approval was already given");
		}
		if (Objects.equals(request.approverAs(capacity.other()), caller.personId())) {
			return Decision.refused(OnsiteRule.TWO_APPROVERS, "The two approvals need two different people; "
					+ caller.username() + " already approved as " + capacity.other().label());
		}
		return Decision.allowed();
	}

	/** Either approver may reject, with a reason; the requester may not. */
	public static Decision mayReject(OnsiteRequest request, CallContext caller) {
		if (request.status() != OnsiteStatus.AWAITING_APPROVAL) {
			return notAwaiting(request);
		}
		return Decision.check()
				.refuseIf(caller.is(request.requesterId()), OnsiteRule.NOT_THE_REQUESTER,
						() -> "The requester may not reject their own on-site request")
				.refuseIf(!caller.has(Role.SA_MANAGER) && !caller.has(Role.ASM), OnsiteRule.APPROVER_ROLE,
						() -> "Only an SA manager or an ASM rejects on-site requests")
				.decide();
	}

	/** Only the requester changes the proposed dates and agenda. */
	public static Decision mayReschedule(OnsiteRequest request, CallContext caller) {
		return Decision.check().refuseIf(!caller.is(request.requesterId()), OnsiteRule.REQUESTER_RESCHEDULES,
				() -> "Only the requester changes the proposed dates of an on-site request").decide();
	}

	private static Decision notAwaiting(OnsiteRequest request) {
		return Decision.refused(OnsiteRule.AWAITING_APPROVAL,
				"The on-site request is " + request.status() + ", not awaiting approval");
	}
}
