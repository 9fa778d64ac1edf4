package dev.baton.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.identity.Role;

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
		assertThat(AbsencePolicy.mayManage(actor(null, Role.ADMIN), sa, List.of()).allowed()).isTrue();
	}

	@Test
	void everyoneManagesTheirOwnAbsences() {
		assertThat(AbsencePolicy.mayManage(actor(sa.id(), Role.SA), sa, List.of()).allowed()).isTrue();
	}

	@Test
	void anSaManagerManagesTheirDirectReports() {
		assertThat(AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), sa, List.of()).allowed()).isTrue();
	}

	@Test
	void anSaManagerManagesTheMembersOfCirclesTheyManage() {
		var circle = new Circle(UUID.randomUUID(), "Circle Cascade", "commercial-amer", managerId, null, null,
				List.of(otherSa.id()), List.of(), 0);

		var decision = AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), otherSa, List.of(circle));

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.reason()).contains("Circle Cascade");
	}

	@Test
	void anSaManagerDoesNotManageOtherPeople() {
		var decision = AbsencePolicy.mayManage(actor(managerId, Role.SA_MANAGER), otherSa, List.of());

		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("Kenji Watanabe");
	}

	@Test
	void theManagerLinkCountsOnlyWithTheSaManagerRole() {
		assertThat(AbsencePolicy.mayManage(actor(managerId, Role.ASM), sa, List.of()).allowed()).isFalse();
	}

	@Test
	void aColleagueMayNotManageSomeoneElsesAbsences() {
		assertThat(AbsencePolicy.mayManage(actor(otherSa.id(), Role.SA), sa, List.of()).allowed()).isFalse();
	}

	@Test
	void aCallerWithoutAPersonManagesOnlyAsAdministrator() {
		assertThat(AbsencePolicy.mayManage(actor(null, Role.SA_MANAGER), sa, List.of()).allowed()).isFalse();
	}
}
