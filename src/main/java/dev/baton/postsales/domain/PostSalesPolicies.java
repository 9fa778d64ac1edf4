package dev.baton.postsales.domain;

import java.util.UUID;

import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.platform.Decision;
import dev.baton.postsales.PostSalesRule;
import dev.baton.postsales.PostSalesTask;

/**
 * Who may do what with post-sales work, as named policies: the API refuses with their decision
 * and the pages offer only what they allow.
 */
public final class PostSalesPolicies {

	private PostSalesPolicies() {
	}

	/** The person a task is for, or an administrator, completes it, once. */
	public static Decision mayComplete(PostSalesTask task, CallContext caller) {
		return Decision.check()
				.refuseIf(!caller.is(task.assigneeId()) && !caller.has(Role.ADMIN), PostSalesRule.COMPLETE_OWN_TASK,
						() -> "Only the person a task is for completes it")
				.refuseIf(task.done(), PostSalesRule.TASK_OPEN,
						() -> "The task was completed by " + task.completedBy() + " at " + task.completedAt())
				.decide();
	}

	/** Everyone reads their own tasks; SA managers, ASMs and administrators read anyone's. */
	public static Decision mayReadTasksOf(UUID personId, CallContext caller) {
		var manager = caller.has(Role.SA_MANAGER) || caller.has(Role.ASM) || caller.has(Role.ADMIN);
		return Decision.check().refuseIf(!caller.is(personId) && !manager, PostSalesRule.READ_OTHERS_TASKS,
				() -> "Only managers read another person's tasks").decide();
	}

	/** An administrator, an ASM or a CSM aligns a CSM to an account. */
	public static Decision mayAlignCsm(CallContext caller) {
		return Decision.check().refuseIf(!(caller.has(Role.ADMIN) || caller.has(Role.ASM) || caller.has(Role.CSM)),
				PostSalesRule.ALIGN_CSM, () -> "Only an administrator, an ASM or a CSM aligns a CSM to an account")
				.decide();
	}
}
