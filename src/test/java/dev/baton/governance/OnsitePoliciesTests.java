package dev.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.identity.Role;
import dev.baton.organisation.Person;
import dev.baton.platform.Money;

class OnsitePoliciesTests {

	private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

	private static Caller caller(String name, Role... roles) {
		var person = new Person(UUID.randomUUID(), UUID.randomUUID(), name, name + "@x.example", "t", roles[0], null, null,
				"AMER", ZoneId.of("UTC"), null, Map.of(), 0);
		return new Caller(name, person, Set.of(roles));
	}

	private static OnsiteRequest request(UUID requesterId) {
		return new OnsiteRequest(UUID.randomUUID(), UUID.randomUUID(), requesterId, OnsiteStatus.AWAITING_APPROVAL,
				Money.of("100", "USD"), List.of(requesterId), "summary", List.of(new OnsiteRequest.Stakeholder("A", "B")),
				List.of(LocalDate.parse("2027-01-10")),
				List.of(new OnsiteRequest.AgendaDay(LocalDate.parse("2027-01-10"), "plan")), null, true, true, null, null,
				null, null, null, null, null, null, 0, NOW, NOW);
	}

	@Test
	void bothPrerequisitesAreNeeded() {
		assertThat(OnsitePolicies.prerequisites(true, true)).isEmpty();
		assertThat(OnsitePolicies.prerequisites(false, true)).extracting(OnsitePolicies.Violation::rule)
				.containsExactly("customer-agreed-agenda");
		assertThat(OnsitePolicies.prerequisites(true, false)).extracting(OnsitePolicies.Violation::rule)
				.containsExactly("budgeted-initiative");
	}

	@Test
	void refusesTheRequesterEvenWithTheRole() {
		var requester = caller("r", Role.SA, Role.SA_MANAGER);
		var decision = OnsitePolicies.mayApprove(request(requester.person().id()), requester, Approver.SA_MANAGER);
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.reason()).contains("requester");
	}

	@Test
	void needsTheRoleOfTheCapacity() {
		var r = request(UUID.randomUUID());
		assertThat(OnsitePolicies.mayApprove(r, caller("m", Role.SA_MANAGER), Approver.ASM).allowed()).isFalse();
		assertThat(OnsitePolicies.mayApprove(r, caller("m", Role.SA_MANAGER), Approver.SA_MANAGER).allowed()).isTrue();
	}

	@Test
	void needsTwoDifferentPeopleAndEachApprovalOnce() {
		var r = request(UUID.randomUUID());
		var both = caller("b", Role.SA_MANAGER, Role.ASM);
		r.approve(Approver.SA_MANAGER, both.person().id(), NOW);
		assertThat(OnsitePolicies.mayApprove(r, both, Approver.ASM).reason()).contains("two different people");
		assertThat(OnsitePolicies.mayApprove(r, caller("m2", Role.SA_MANAGER), Approver.SA_MANAGER).reason())
				.contains("already given");
		assertThat(OnsitePolicies.mayApprove(r, caller("a", Role.ASM), Approver.ASM).allowed()).isTrue();
	}

	@Test
	void changedDatesClearApprovalsButTheSameDatesDoNot() {
		var r = request(UUID.randomUUID());
		r.approve(Approver.SA_MANAGER, UUID.randomUUID(), NOW);
		r.approve(Approver.ASM, UUID.randomUUID(), NOW);
		assertThat(r.status()).isEqualTo(OnsiteStatus.APPROVED);
		assertThat(r.reschedule(r.proposedDates(), r.agenda(), NOW)).isFalse();
		assertThat(r.status()).isEqualTo(OnsiteStatus.APPROVED);
		var moved = List.of(LocalDate.parse("2027-01-11"));
		assertThat(r.reschedule(moved, List.of(new OnsiteRequest.AgendaDay(moved.get(0), "p")), NOW)).isTrue();
		assertThat(r.status()).isEqualTo(OnsiteStatus.AWAITING_APPROVAL);
		assertThat(r.saManagerId()).isNull();
		assertThat(r.asmId()).isNull();
	}
}
