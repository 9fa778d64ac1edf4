package dev.baton.engagement.domain;

import java.util.ArrayList;
import java.util.List;

import dev.baton.pipeline.CommandPlan;

/**
 * Which parts of an AE's command plan are missing, the first of the 4 questions.
 */
public final class CommandPlanCheck {

	private CommandPlanCheck() {
	}

	public static List<String> missingParts(CommandPlan plan) {
		var missing = new ArrayList<String>();
		if (plan == null) {
			return List.of("why now", "pains", "use cases", "current DevOps stack", "competitors", "attendees",
					"compelling event");
		}
		if (blank(plan.whyNow())) {
			missing.add("why now");
		}
		if (plan.pains().isEmpty()) {
			missing.add("pains");
		}
		if (plan.useCases().isEmpty()) {
			missing.add("use cases");
		}
		if (plan.devOpsStack() == null) {
			missing.add("current DevOps stack");
		}
		if (plan.competitors().isEmpty()) {
			missing.add("competitors");
		}
		if (plan.attendees().isEmpty()) {
			missing.add("attendees");
		}
		if (blank(plan.compellingEvent())) {
			missing.add("compelling event");
		}
		return missing;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
