package dev.baton.organisation;

import java.util.List;

import dev.baton.identity.Role;

/**
 * Who may record or remove someone's absences: administrators for anyone, every person for
 * themselves, and an SA manager for the people who report to them or sit in a circle they manage.
 */
final class AbsencePolicy {

	/** The outcome, with the reason a person can read. */
	record Decision(boolean allowed, String reason) {
	}

	private AbsencePolicy() {
	}

	static Decision mayManage(Actor actor, Person target, List<Circle> circles) {
		if (actor.hasRole(Role.ADMIN)) {
			return new Decision(true, "administrators manage everyone's absences");
		}
		if (target.id().equals(actor.personId())) {
			return new Decision(true, "everyone records their own absences");
		}
		if (actor.hasRole(Role.SA_MANAGER) && actor.personId() != null) {
			if (actor.personId().equals(target.managerId())) {
				return new Decision(true, target.name() + " reports to the caller");
			}
			var managedCircle = circles.stream()
					.filter(c -> actor.personId().equals(c.managerId()) && c.memberIds().contains(target.id()))
					.findFirst();
			if (managedCircle.isPresent()) {
				return new Decision(true, target.name() + " is in " + managedCircle.get().name()
						+ ", which the caller manages");
			}
		}
		return new Decision(false, "Only " + target.name() + ", their SA manager or an administrator may change "
				+ target.name() + "'s absences");
	}
}
