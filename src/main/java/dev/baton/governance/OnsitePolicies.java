package dev.baton.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.baton.identity.Role;

/**
 * The on-site rules, each a named policy that answers with its reason: the two prerequisites,
 * who may approve in which capacity, who may reject, and who may change the dates.
 */
final class OnsitePolicies {

	/** The outcome, with the reason a person can read. */
	record Decision(boolean allowed, String reason) {

		static Decision allow(String reason) {
			return new Decision(true, reason);
		}

		static Decision refuse(String reason) {
			return new Decision(false, reason);
		}
	}

	/** One unmet rule: its name and what to do about it. */
	record Violation(String rule, String message) {
	}

	private OnsitePolicies() {
	}

	/**
	 * Prerequisites: the customer requested or accepted the on-site with an agreed agenda, and a
	 * predefined initiative has a budget. Both must hold to file.
	 */
	static List<Violation> prerequisites(boolean customerAgreedAgenda, boolean budgetedInitiative) {
		var violations = new ArrayList<Violation>();
		if (!customerAgreedAgenda) {
			violations.add(new Violation("customer-agreed-agenda",
					"The customer must request or accept the on-site with an agreed-upon agenda"));
		}
		if (!budgetedInitiative) {
			violations.add(new Violation("budgeted-initiative",
					"A predefined initiative with a budget (net new or reclaimed spend) must exist"));
		}
		return violations;
	}

	/**
	 * Two approvals by two different people, neither of them the requester: the SA manager slot by
	 * someone with the SA manager role, the ASM slot by someone with the ASM role, each once.
	 */
	static Decision mayApprove(OnsiteRequest request, Caller caller, Approver capacity) {
		if (request.status() != OnsiteStatus.AWAITING_APPROVAL) {
			return Decision.refuse("The on-site request is " + request.status() + ", not awaiting approval");
		}
		var personId = caller.person() == null ? null : caller.person().id();
		if (personId == null) {
			return Decision.refuse(caller.username() + " has no person in the organisation");
		}
		if (personId.equals(request.requesterId())) {
			return Decision.refuse("The requester may not approve their own on-site request");
		}
		if (!caller.has(capacity.role())) {
			return Decision.refuse("Only someone with the " + capacity.role() + " role approves as "
					+ capacity.label());
		}
		if (request.approverAs(capacity) != null) {
			return Decision.refuse("The " + capacity.label() + " approval was already given");
		}
		var other = capacity == Approver.SA_MANAGER ? Approver.ASM : Approver.SA_MANAGER;
		if (Objects.equals(request.approverAs(other), personId)) {
			return Decision.refuse("The two approvals need two different people; " + caller.username()
					+ " already approved as " + other.label());
		}
		return Decision.allow("approves as " + capacity.label());
	}

	/** Either approver may reject, with a reason; the requester may not. */
	static Decision mayReject(OnsiteRequest request, Caller caller) {
		if (request.status() != OnsiteStatus.AWAITING_APPROVAL) {
			return Decision.refuse("The on-site request is " + request.status() + ", not awaiting approval");
		}
		if (caller.person() != null && caller.person().id().equals(request.requesterId())) {
			return Decision.refuse("The requester may not reject their own on-site request");
		}
		if (!caller.has(Role.SA_MANAGER) && !caller.has(Role.ASM)) {
			return Decision.refuse("Only an SA manager or an ASM rejects on-site requests");
		}
		return Decision.allow("an approver rejects");
	}

	/** Only the requester changes the proposed dates and agenda. */
	static Decision mayReschedule(OnsiteRequest request, Caller caller) {
		if (caller.person() == null || !caller.person().id().equals(request.requesterId())) {
			return Decision.refuse("Only the requester changes the proposed dates of an on-site request");
		}
		return Decision.allow("the requester reschedules");
	}
}
