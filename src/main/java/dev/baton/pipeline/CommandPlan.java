package dev.baton.pipeline;

import java.util.List;

/**
 * The AE's plan for winning the deal, which the circle reviews before anyone is assigned.
 */
public record CommandPlan(String whyNow, List<String> pains, List<String> useCases, DevOpsStack devOpsStack,
		List<String> competitors, List<Attendee> attendees, String compellingEvent, Meddppicc meddppicc) {

	public CommandPlan {
		pains = pains == null ? List.of() : List.copyOf(pains);
		useCases = useCases == null ? List.of() : List.copyOf(useCases);
		competitors = competitors == null ? List.of() : List.copyOf(competitors);
		attendees = attendees == null ? List.of() : List.copyOf(attendees);
	}

	public static CommandPlan empty() {
		return new CommandPlan(null, List.of(), List.of(), null, List.of(), List.of(), null, null);
	}

	/** The customer's current tools. */
	public record DevOpsStack(String scm, String planning, String ciCd, List<String> cloudVendors, String deployment) {

		public DevOpsStack {
			cloudVendors = cloudVendors == null ? List.of() : List.copyOf(cloudVendors);
		}
	}

	/** Someone from the customer in the meeting. */
	public record Attendee(String name, String title) {
	}

	/** Metrics, Economic buyer, Decision criteria, Decision process, Paper process, Identify pain, Champion, Competition. */
	public record Meddppicc(String metrics, String economicBuyer, String decisionCriteria, String decisionProcess,
			String paperProcess, String identifiedPain, String champion, String competition) {
	}
}
