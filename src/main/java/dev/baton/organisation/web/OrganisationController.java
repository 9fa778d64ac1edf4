package dev.baton.organisation.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.identity.Role;
import dev.baton.organisation.Board;
import dev.baton.organisation.Boards;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Circles;
import dev.baton.organisation.People;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Region;
import dev.baton.organisation.Regions;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The organisation, readable by the vendor's own staff (not partners or customers). Single
 * resources carry their version as the ETag, for the administrators' updates.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
class OrganisationController {

	private final Regions regions;
	private final Boards boards;
	private final People people;
	private final Circles circles;

	OrganisationController(Regions regions, Boards boards, People people, Circles circles) {
		this.regions = regions;
		this.boards = boards;
		this.people = people;
		this.circles = circles;
	}

	@GetMapping("/regions")
	@Operation(summary = "List the regions")
	List<Region> regions() {
		return regions.regions();
	}

	@GetMapping("/regions/{key}")
	@Operation(summary = "Read one region")
	Region region(@PathVariable String key) {
		return regions.region(key);
	}

	@GetMapping("/boards")
	@Operation(summary = "List the triage boards with their business calendars")
	List<Board> boards() {
		return boards.boards();
	}

	@GetMapping("/boards/{key}")
	@Operation(summary = "Read one triage board; the ETag is its version")
	ResponseEntity<Board> board(@PathVariable String key) {
		var board = boards.board(key);
		return ResponseEntity.ok().eTag(Versions.etag(board.version())).body(board);
	}

	@GetMapping("/circles")
	@Operation(summary = "List the circles with their members and the AEs they serve")
	List<Circle> circles(Authentication authentication) {
		return circles.circles().stream().map(c -> visible(c, authentication)).toList();
	}

	@GetMapping("/circles/{id}")
	@Operation(summary = "Read one circle; the ETag is its version; the chat webhook URL only for administrators")
	ResponseEntity<Circle> circle(@PathVariable CircleId id, Authentication authentication) {
		var circle = circles.circle(id);
		return ResponseEntity.ok().eTag(Versions.etag(circle.version())).body(visible(circle, authentication));
	}

	/** A webhook URL lets anyone who has it post to the channel, so only administrators see it. */
	private static Circle visible(Circle circle, Authentication authentication) {
		var admin = authentication.getAuthorities().stream()
				.anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
		return admin || circle.chatWebhookUrl() == null ? circle
				: new Circle(circle.id(), circle.name(), circle.boardKey(), circle.managerId(), circle.chatChannel(), null,
						circle.memberIds(), circle.servedAeIds(), circle.version());
	}

	@GetMapping("/people")
	@Operation(summary = "List people, optionally of one role")
	List<Person> people(@RequestParam(required = false) Role role) {
		return people.people(role);
	}

	@GetMapping("/people/{id}")
	@Operation(summary = "Read one person; the ETag is their version")
	ResponseEntity<Person> person(@PathVariable PersonId id) {
		var person = people.person(id);
		return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
	}
}
