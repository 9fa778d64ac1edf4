package dev.baton.onsite.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.TestCallers;
import dev.baton.identity.Role;
import dev.baton.onsite.Approver;
import dev.baton.onsite.OnsiteRule;
import dev.baton.onsite.OnsiteStatus;
import dev.baton.organisation.CallContext;
import dev.baton.platform.Decision;
import dev.baton.platform.Money;

class OnsitePoliciesTests {

	private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");

	private static CallContext caller(String name, Role... roles) {
		return TestCallers.person(name, roles);
	}

	private static OnsiteRequest request(UUID requesterId) {
		return OnsiteRequest.restore(UUID.randomUUID(), UUID.randomUUID(), requesterId, OnsiteStatus.AWAITING_APPROVAL,
				Money.of("100", "USD"), List.of(requesterId), "summary", List.of(new OnsiteRequest.Stakeholder("A", "B")),
				List.of(LocalDate.parse("2027-01-10")),
				List.of(new OnsiteRequest.AgendaDay(LocalDate.parse("2027-01-10"), "plan")), null, true, true, null, null,
				null, null, null, null, null, null, 0, NOW, NOW);
	}

	@Test
	void bothPrerequisitesAreNeeded() {
		assertThat(OnsitePolicies.prerequisites(true, true).isAllowed()).isTrue();
		assertThat(OnsitePolicies.prerequisites(false, true).refusals()).extracting(Decision.Refusal::ruleId)
				.containsExactly("customer-agreed-agenda");
		assertThat(OnsitePolicies.prerequisites(true, false).refusals()).extracting(Decision.Refusal::ruleId)
				.containsExactly("budgeted-initiative");
		assertThat(OnsitePolicies.prerequisites(false, false).refusals()).hasSize(2);
	}

	@Test
	void refusesTheRequesterEvenWithTheRole() {
		var requester = caller("r", Role.SA, Role.SA_MANAGER);
		var decision = OnsitePolicies.mayApprove(request(requester.person().id()), requester, Approver.SA_MANAGER);
		assertThat(decision.refuses(OnsiteRule.NOT_THE_REQUESTER)).isTrue();
		assertThat(decision.reasons()).contains("requester");
	}

	@Test
	void needsTheRoleOfTheCapacity() {
		var r = request(UUID.randomUUID());
		assertThat(OnsitePolicies.mayApprove(r, caller("m", Role.SA_MANAGER), Approver.ASM).isAllowed()).isFalse();
		assertThat(OnsitePolicies.mayApprove(r, caller("m", Role.SA_MANAGER), Approver.SA_MANAGER).isAllowed()).isTrue();
	}

	@Test
	void needsTwoDifferentPeopleAndEachApprovalOnce() {
		var r = request(UUID.randomUUID());
		var both = caller("b", Role.SA_MANAGER, Role.ASM);
		r.approve(Approver.SA_MANAGER, both.person().id(), NOW);
		assertThat(OnsitePolicies.mayApprove(r, both, Approver.ASM).reasons()).contains("two different people");
		assertThat(OnsitePolicies.mayApprove(r, caller("m2", Role.SA_MANAGER), Approver.SA_MANAGER).reasons())
				.contains("already given");
		assertThat(OnsitePolicies.mayApprove(r, caller("a", Role.ASM), Approver.ASM).isAllowed()).isTrue();
	}

	@Test
	void onlyAnAeOrAnSaFilesAndOnlyTheRequesterReschedules() {
		var sa = caller("s", Role.SA);
		assertThat(OnsitePolicies.mayFile(sa).isAllowed()).isTrue();
		assertThat(OnsitePolicies.mayFile(caller("c", Role.CSM)).refuses(OnsiteRule.FILER)).isTrue();
		var r = request(sa.personId());
		assertThat(OnsitePolicies.mayReschedule(r, sa).isAllowed()).isTrue();
		assertThat(OnsitePolicies.mayReschedule(r, caller("m", Role.SA_MANAGER)).refuses(OnsiteRule.REQUESTER_RESCHEDULES))
				.isTrue();
	}

	@Test
	void nothingIsDecidedAfterARejection() {
		var r = request(UUID.randomUUID());
		var asm = caller("a", Role.ASM);
		assertThat(OnsitePolicies.mayReject(r, asm).isAllowed()).isTrue();
		r.reject(asm.personId(), "no budget", NOW);
		assertThat(OnsitePolicies.mayApprove(r, caller("m", Role.SA_MANAGER), Approver.SA_MANAGER)
				.refuses(OnsiteRule.AWAITING_APPROVAL)).isTrue();
		assertThat(OnsitePolicies.mayReject(r, asm).refuses(OnsiteRule.AWAITING_APPROVAL)).isTrue();
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
