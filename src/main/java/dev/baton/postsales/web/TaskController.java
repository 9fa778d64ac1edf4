package dev.baton.postsales.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.organisation.CallContexts;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.ProblemType;
import dev.baton.postsales.PostSalesTask;
import dev.baton.postsales.TaskId;
import dev.baton.postsales.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Post-sales task lists: the caller's own, or a person's for their SA manager, an ASM or an admin.
 */
@RestController
@Tag(name = "Post-sales")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class TaskController {

	private final Tasks tasks;
	private final CallContexts callers;

	TaskController(Tasks tasks, CallContexts callers) {
		this.tasks = tasks;
		this.callers = callers;
	}

	@GetMapping("/api/v1/me/tasks")
	@Operation(summary = "The caller's post-sales tasks, open first")
	List<PostSalesTask> mine(@RequestParam(defaultValue = "false") boolean openOnly) {
		var caller = callers.person(ProblemType.NOT_PERMITTED);
		return tasks.of(PersonId.of(caller.personId()), openOnly, caller);
	}

	@GetMapping("/api/v1/people/{id}/tasks")
	@Operation(summary = "A person's post-sales tasks (the person, SA managers, ASMs and admins)")
	List<PostSalesTask> of(@PathVariable PersonId id, @RequestParam(defaultValue = "false") boolean openOnly) {
		return tasks.of(id, openOnly, callers.current());
	}

	@GetMapping("/api/v1/opportunities/{id}/tasks")
	@Operation(summary = "The post-sales tasks on an opportunity")
	List<PostSalesTask> onOpportunity(@PathVariable OpportunityId id) {
		return tasks.onOpportunity(id);
	}

	@PostMapping("/api/v1/governance/tasks/{id}/completion")
	@Operation(summary = "Complete a task (its person or an admin); 409 when already done")
	PostSalesTask complete(@PathVariable TaskId id) {
		return tasks.complete(id, callers.current());
	}
}
