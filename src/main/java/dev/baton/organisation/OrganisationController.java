package dev.baton.organisation;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The organisation, readable by the vendor's own staff (not partners or customers).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
class OrganisationController {

	private final Organisation organisation;

	OrganisationController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/regions")
	@Operation(summary = "List the regions")
	List<Region> regions() {
		return organisation.regions();
	}

	@GetMapping("/boards")
	@Operation(summary = "List the triage boards with their business calendars")
	List<Board> boards() {
		return organisation.boards();
	}

	@GetMapping("/boards/{key}")
	@Operation(summary = "Read one triage board")
	Board board(@PathVariable String key) {
		return organisation.board(key);
	}

	@GetMapping("/circles")
	@Operation(summary = "List the circles with their members and the AEs they serve")
	List<Circle> circles() {
		return organisation.circles();
	}

	@GetMapping("/circles/{id}")
	@Operation(summary = "Read one circle")
	Circle circle(@PathVariable UUID id) {
		return organisation.circle(id);
	}

	@GetMapping("/people")
	@Operation(summary = "List people, optionally of one role")
	List<Person> people(@RequestParam(required = false) Role role) {
		return organisation.people(role);
	}

	@GetMapping("/people/{id}")
	@Operation(summary = "Read one person")
	Person person(@PathVariable UUID id) {
		return organisation.person(id);
	}
}
