package dev.baton.postsales;

import dev.baton.platform.Rule;

/**
 * The post-sales rules a refusal names.
 */
public enum PostSalesRule implements Rule {

	/** Only the person a task is for, or an administrator, completes it. */
	COMPLETE_OWN_TASK("postsales.task.complete-own"),
	/** A task is completed once. */
	TASK_OPEN("postsales.task.open"),
	/** Another person's tasks are read by SA managers, ASMs and administrators. */
	READ_OTHERS_TASKS("postsales.tasks.read-others"),
	/** An administrator, an ASM or a CSM aligns a CSM to an account. */
	ALIGN_CSM("postsales.csm.align");

	private final String id;

	PostSalesRule(String id) {
		this.id = id;
	}

	@Override
	public String id() {
		return id;
	}
}
