package dev.baton.postsales.web;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.organisation.CallContexts;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Words;
import dev.baton.postsales.PostSalesTask;
import dev.baton.postsales.TaskId;
import dev.baton.postsales.Tasks;
import dev.baton.postsales.domain.PostSalesPolicies;

/**
 * The "My tasks" page; it offers "Done" only where the completion policy allows it.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class TasksPageController {

	private final Tasks tasks;
	private final Pipeline pipeline;
	private final CallContexts callers;
	private final Words words;

	TasksPageController(Tasks tasks, Pipeline pipeline, CallContexts callers, Words words) {
		this.tasks = tasks;
		this.pipeline = pipeline;
		this.callers = callers;
		this.words = words;
	}

	/** A task as the page lists it, with whether and why not the caller may complete it. */
	record TaskRow(UUID id, String title, UUID opportunityId, String due, boolean done, String completedBy,
			boolean mayComplete, String why) {
	}

	@GetMapping("/governance/tasks")
	String tasks(Model model) {
		var caller = callers.current();
		var mine = caller.person() == null ? List.<PostSalesTask>of() : tasks.of(PersonId.of(caller.personId()), false, caller);
		var names = new HashMap<UUID, String>();
		pipeline.opportunities(mine.stream().map(PostSalesTask::opportunityId).filter(java.util.Objects::nonNull)
				.map(OpportunityId::of)
				.collect(java.util.stream.Collectors.toSet())).forEach(o -> names.put(o.id(), o.name()));
		var rows = mine.stream()
				.map(t -> {
					var decision = PostSalesPolicies.mayComplete(t, caller);
					return new TaskRow(t.id(), t.title(), t.opportunityId(),
							t.dueDate() != null ? words.get("tasks.due-window", t.dueDate().toString(), String.valueOf(t.latestDate()))
									: words.get("tasks.due-now"), t.done(),
							t.completedBy(), decision.isAllowed(), decision.reason().orElse(null));
				}).toList();
		model.addAttribute("tasks", rows);
		model.addAttribute("opportunityNames", names);
		return "postsales/tasks";
	}

	@PostMapping("/governance/tasks/{id}/complete")
	String complete(@PathVariable TaskId id, RedirectAttributes redirect) {
		try {
			tasks.complete(id, callers.current());
			redirect.addFlashAttribute("notice", words.get("tasks.completed"));
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/governance/tasks";
	}
}
