package dev.baton.organisation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.identity.Role;
import dev.baton.organisation.Actor;
import dev.baton.organisation.Circle;
import dev.baton.organisation.OrganisationRule;
import dev.baton.organisation.Person;

/**
 * Who may record or remove someone's absences, and the reason given when not.
 */
class AbsencePolicyTests {

	private final UUID managerId = UUID.randomUUID();
	private final Person sa = person("Hannah Cole", Role.SA, managerId);
	private final Person otherSa = person("Kenji Watanabe", Role.SA, UUID.randomUUID());

	private static Person person(String name, Role role, UUID managerId) {
		return new Person(UUID.randomUUID(), null, name, name.replace(' ', '.') + "@example.com", "title", role,
				null, null, null, ZoneId.of("UTC"), managerId, Map.of(), 0);
	}

	private static Actor actor(UUID personId, Role... roles) {
		return new Actor("someone", Set.of(roles), personId);
	}

	@Test
	void administratorsManageAnyonesAbsences() {
		assertThat(AbsencePolicy.mayManage(actor(null, Role.ADMIN), sa, Optional.empty()).isAllowed()).isTrue();
	}

	@Test
	void everyoneManagesTheirOwnAbsences() {
		assertThat(AbsencePolicy.mayManage(actor(sa.id(), Role.SA), sa, Optional.empty()).isAllowed()).isTrue();
	}

	@Test
	void anSaManagerManagesTheirDirectReports() {
		assertThat(AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), sa, Optional.empty()).isAllowed()).isTrue();
	}

	@Test
	void anSaManagerManagesTheMembersOfCirclesTheyManage() {
		var circle = new Circle(UUID.randomUUID(), "Circle Cascade", "commercial-amer", managerId, null, null,
				List.of(otherSa.id()), List.of(), 0);

		var decision = AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), otherSa, Optional.of(circle));

		assertThat(decision.isAllowed()).isTrue();
	}

	@Test
	void theManagerOfAnotherCircleDoesNotManageItsMembers() {
		var circle = new Circle(UUID.randomUUID(), "Circle Thames", "commercial-emea", UUID.randomUUID(), null, null,
				List.of(otherSa.id()), List.of(), 0);

		var decision = AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), otherSa, Optional.of(circle));

		assertThat(decision.isAllowed()).isFalse();
	}

	@Test
	void anSaManagerDoesNotManageOtherPeople() {
		var decision = AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), otherSa, Optional.empty());

		assertThat(decision.refuses(OrganisationRule.ABSENCE_MANAGED_BY_SELF_MANAGER_OR_ADMIN)).isTrue();
		assertThat(decision.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("Kenji Watanabe"));
	}

	@Test
	void theManagerLinkCountsOnlyWithTheSaManagerRole() {
		assertThat(AbsencePolicy.mayManage(actor(managerId, Role.ASM), sa, Optional.empty()).isAllowed()).isFalse();
	}

	@Test
	void aColleagueMayNotManageSomeoneElsesAbsences() {
		assertThat(AbsencePolicy.mayManage(actor(otherSa.id(), Role.SA), sa, Optional.empty()).isAllowed()).isFalse();
	}

	@Test
	void aCallerWithoutAPersonManagesOnlyAsAdministrator() {
		assertThat(AbsencePolicy.mayManage(actor(null, Role.SA_MANAGER), sa, Optional.empty()).isAllowed()).isFalse();
	}
}
