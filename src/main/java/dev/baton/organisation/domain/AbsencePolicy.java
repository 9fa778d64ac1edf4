package dev.baton.organisation.domain;

import java.util.Optional;

import dev.baton.identity.Role;
import dev.baton.organisation.Actor;
import dev.baton.organisation.Circle;
import dev.baton.organisation.OrganisationRule;
import dev.baton.organisation.Person;
import dev.baton.platform.Decision;

/**
 * Who may record or remove someone's absences, and see their notes: administrators for anyone,
 * every person for themselves, and an SA manager for the people who report to them or sit in the
 * circle they manage.
 */
public final class AbsencePolicy {

	private AbsencePolicy() {
	}

	/**
	 * Decides for the target person, given the circle they are a member of (an SA is in one circle
	 * at most, so that is the only circle whose manager counts).
	 */
	public static Decision mayManage(Actor actor, Person target, Optional<Circle> circleOfTarget) {
		if (actor.hasRole(Role.ADMIN) || target.id().equals(actor.personId())) {
			return Decision.allowed();
		}
		if (actor.hasRole(Role.SA_MANAGER) && actor.personId() != null
				&& (actor.personId().equals(target.managerId())
						|| circleOfTarget.filter(c -> actor.personId().equals(c.managerId())).isPresent())) {
			return Decision.allowed();
		}
		return Decision.refused(OrganisationRule.ABSENCE_MANAGED_BY_SELF_MANAGER_OR_ADMIN, "Only " + target.name()
				+ ", their SA manager or an administrator may change " + target.name() + "'s absences");
	}
}
