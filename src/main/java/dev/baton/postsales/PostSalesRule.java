package dev.baton.postsales;

import dev.baton.platform.Rule;

/**
 * The post-sales rules a refusal names.
 */
public enum PostSalesRule implements Rule {

	/** Only the person a task is for, or an administrator, completes it. */
	@Rule.Id("postsales.task.complete-own")
	COMPLETE_OWN_TASK,
	/** A task is completed once. */
	@Rule.Id("postsales.task.open")
	TASK_OPEN,
	/** Another person's tasks are read by SA managers, ASMs and administrators. */
	@Rule.Id("postsales.tasks.read-others")
	READ_OTHERS_TASKS,
	/** An administrator, an ASM or a CSM aligns a CSM to an account. */
	@Rule.Id("postsales.csm.align")
	ALIGN_CSM;
}
