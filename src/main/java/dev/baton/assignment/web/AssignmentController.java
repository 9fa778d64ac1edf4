package dev.baton.assignment.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.baton.assignment.Assignments;
import dev.baton.engagement.SaRequestId;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.PersonId;

/**
 * Who should take a request, and how loaded a circle is: read-only advice for the circle and its
 * managers.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Assignment")
@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
class AssignmentController {

	private final Assignments assignments;

	AssignmentController(Assignments assignments) {
		this.assignments = assignments;
	}

	@GetMapping("/sa-requests/{id}/recommendations")
	@Operation(summary = "The circle's SAs ranked for a request, with the score per factor and the reasons; "
			+ "excluded SAs with the filter that excluded them; other circles of the board when none is free. Never assigns.")
	Assignments.Recommendations recommendations(@PathVariable SaRequestId id) {
		return assignments.recommend(id);
	}

	@GetMapping("/people/{id}/coverage-plan")
	@Operation(summary = "A proposed PTO coverage plan for the person's current or next absence (over 2 weeks, or holding a POV): "
			+ "the best other SA for each request they hold. A proposal only; nothing is reassigned.")
	Assignments.CoveragePlan coveragePlan(@PathVariable PersonId id) {
		return assignments.coveragePlan(id);
	}

	/** Optionally, the request versions the plan was read at; a stale one refuses the plan with 409. */
	record Acceptance(java.util.Map<UUID, Integer> expectedVersions) {
	}

	@PostMapping("/people/{id}/coverage-plan/acceptance")
	@Operation(summary = "Accept the person's proposed coverage plan in one transaction: each covered request is handed "
			+ "to its proposed cover with a hand-over note naming the absence; for the person, their manager or an admin")
	Assignments.AcceptedPlan accept(@PathVariable PersonId id, @RequestBody(required = false) Acceptance acceptance) {
		return assignments.acceptCoveragePlan(id, acceptance == null ? null : acceptance.expectedVersions());
	}

	@GetMapping("/circles/{id}/capacity")
	@Operation(summary = "Weighted load, capacity over the next two weeks (reduced by booked absences) and status per SA, with circle totals")
	Assignments.CircleCapacity capacity(@PathVariable CircleId id) {
		return assignments.capacity(id);
	}
}
