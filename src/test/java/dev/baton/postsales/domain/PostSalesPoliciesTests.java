package dev.baton.postsales.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.TestCallers;
import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.postsales.PostSalesRule;
import dev.baton.postsales.PostSalesTask;
import dev.baton.postsales.TaskKind;

class PostSalesPoliciesTests {

	private static CallContext caller(UUID personId, Role... roles) {
		return TestCallers.person(personId, "user", roles);
	}

	private static PostSalesTask task(UUID assignee, Instant completedAt) {
		return new PostSalesTask(UUID.randomUUID(), TaskKind.CSM_TRANSITION, UUID.randomUUID(), assignee, "Introduce",
				null, null, completedAt, completedAt == null ? null : "ae", Instant.EPOCH);
	}

	@Test
	void onlyTheAssigneeOrAnAdminCompletesATaskAndOnlyOnce() {
		var ae = UUID.randomUUID();
		assertThat(PostSalesPolicies.mayComplete(task(ae, null), caller(ae, Role.AE)).isAllowed()).isTrue();
		assertThat(PostSalesPolicies.mayComplete(task(ae, null), caller(UUID.randomUUID(), Role.ADMIN)).isAllowed())
				.isTrue();
		assertThat(PostSalesPolicies.mayComplete(task(ae, null), caller(UUID.randomUUID(), Role.SA_MANAGER))
				.refuses(PostSalesRule.COMPLETE_OWN_TASK)).isTrue();
		var done = PostSalesPolicies.mayComplete(task(ae, Instant.EPOCH), caller(ae, Role.AE));
		assertThat(done.refuses(PostSalesRule.TASK_OPEN)).isTrue();
		assertThat(done.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("completed by ae"));
	}

	@Test
	void managersReadAnyonesTasksOthersOnlyTheirOwn() {
		var someone = UUID.randomUUID();
		assertThat(PostSalesPolicies.mayReadTasksOf(someone, caller(someone, Role.SA)).isAllowed()).isTrue();
		assertThat(PostSalesPolicies.mayReadTasksOf(someone, caller(UUID.randomUUID(), Role.ASM)).isAllowed()).isTrue();
		assertThat(PostSalesPolicies.mayReadTasksOf(someone, caller(UUID.randomUUID(), Role.SA))
				.refuses(PostSalesRule.READ_OTHERS_TASKS)).isTrue();
	}

	@Test
	void aCsmIsAlignedByAnAdminAnAsmOrACsm() {
		assertThat(PostSalesPolicies.mayAlignCsm(caller(UUID.randomUUID(), Role.CSM)).isAllowed()).isTrue();
		assertThat(PostSalesPolicies.mayAlignCsm(caller(UUID.randomUUID(), Role.SA)).refuses(PostSalesRule.ALIGN_CSM))
				.isTrue();
	}
}
