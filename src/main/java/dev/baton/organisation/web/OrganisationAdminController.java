package dev.baton.organisation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
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
import dev.baton.organisation.Segment;
import dev.baton.organisation.Seniority;
import dev.baton.organisation.SkillLevel;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Setting up the organisation: regions, boards and calendars, people and circles. Administrators
 * only; updates need {@code If-Match} with the version read.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation")
@PreAuthorize("hasRole('ADMIN')")
class OrganisationAdminController {

	private final Regions regions;
	private final Boards boards;
	private final People people;
	private final Circles circles;

	OrganisationAdminController(Regions regions, Boards boards, People people, Circles circles) {
		this.regions = regions;
		this.boards = boards;
		this.people = people;
		this.circles = circles;
	}

	record NewRegion(String key, String name) {
	}

	record HolidayName(String name) {
	}

	record NewPerson(String name, String email, String title, Role role, Seniority seniority, Segment segment,
			String regionKey, String timeZone, UUID managerId, UUID userId, Map<String, SkillLevel> skills) {
	}

	record NewCircle(String name, String boardKey, UUID managerId, String chatChannel, String chatWebhookUrl,
			List<UUID> memberIds, List<UUID> servedAeIds) {
	}

	record Members(List<UUID> memberIds) {
	}

	record ServedAes(List<UUID> servedAeIds) {
	}

	@PostMapping("/regions")
	@Operation(summary = "Add a region; honours Idempotency-Key")
	ResponseEntity<Region> createRegion(@RequestBody NewRegion request) {
		var region = regions.addRegion(new Region(request.key(), request.name()));
		return ResponseEntity.created(URI.create("/api/v1/regions/" + region.key())).body(region);
	}

	@PostMapping("/boards")
	@Operation(summary = "Add a triage board with its business calendar; honours Idempotency-Key")
	ResponseEntity<Board> createBoard(@RequestBody Boards.NewBoard request) {
		var board = boards.createBoard(request);
		return ResponseEntity.created(URI.create("/api/v1/boards/" + board.key()))
				.eTag(Versions.etag(board.version())).body(board);
	}

	@PutMapping("/boards/{key}")
	@Operation(summary = "Rename a board or change its engagement model; needs If-Match")
	ResponseEntity<Board> updateBoard(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Boards.BoardChange request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(boards.updateBoard(key, request, expected));
	}

	@PutMapping("/boards/{key}/calendar")
	@Operation(summary = "Replace a board's business calendar (zone, working hours, holidays); needs If-Match")
	ResponseEntity<Board> changeCalendar(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Boards.CalendarChange request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(boards.changeCalendar(key, request, expected));
	}

	@PutMapping("/boards/{key}/holidays/{day}")
	@Operation(summary = "Add a holiday to a board's calendar, or rename it; needs If-Match")
	ResponseEntity<Board> putHoliday(@PathVariable String key,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody HolidayName request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(boards.putHoliday(key, day, request.name(), expected));
	}

	@DeleteMapping("/boards/{key}/holidays/{day}")
	@Operation(summary = "Remove a holiday from a board's calendar; needs If-Match; answers the board")
	ResponseEntity<Board> removeHoliday(@PathVariable String key,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(boards.removeHoliday(key, day, expected));
	}

	@PostMapping("/people")
	@Operation(summary = "Add a person; honours Idempotency-Key")
	ResponseEntity<Person> createPerson(@RequestBody NewPerson request) {
		var person = people.createPerson(new People.PersonDetails(request.name(), request.email(),
				request.title(), request.role(), request.seniority(), request.segment(), request.regionKey(),
				request.timeZone(), request.managerId(), request.userId()), request.skills());
		return ResponseEntity.created(URI.create("/api/v1/people/" + person.id()))
				.eTag(Versions.etag(person.version())).body(person);
	}

	@PutMapping("/people/{id}")
	@Operation(summary = "Change a person's details (all but skills); needs If-Match")
	ResponseEntity<Person> updatePerson(@PathVariable PersonId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody People.PersonDetails request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(people.updatePerson(id, request, expected));
	}

	@PutMapping("/people/{id}/skills")
	@Operation(summary = "Replace a person's skills with levels, as a whole; needs If-Match")
	ResponseEntity<Person> replaceSkills(@PathVariable PersonId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Map<String, SkillLevel> request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(people.replaceSkills(id, request, expected));
	}

	@PostMapping("/circles")
	@Operation(summary = "Add a circle, optionally with its members and served AEs; honours Idempotency-Key")
	ResponseEntity<Circle> createCircle(@RequestBody NewCircle request) {
		var circle = circles.createCircle(new Circles.CircleDetails(request.name(), request.boardKey(),
				request.managerId(), request.chatChannel(), request.chatWebhookUrl()), request.memberIds(),
				request.servedAeIds());
		return ResponseEntity.created(URI.create("/api/v1/circles/" + circle.id()))
				.eTag(Versions.etag(circle.version())).body(circle);
	}

	@PutMapping("/circles/{id}")
	@Operation(summary = "Rename a circle, move it to a board, set its manager, chat channel and webhook; needs If-Match")
	ResponseEntity<Circle> updateCircle(@PathVariable CircleId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Circles.CircleDetails request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(circles.updateCircle(id, request, expected));
	}

	@PutMapping("/circles/{id}/members")
	@Operation(summary = "Replace a circle's SAs (an SA is in one circle only); needs If-Match")
	ResponseEntity<Circle> replaceMembers(@PathVariable CircleId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Members request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(circles.replaceMembers(id, request.memberIds(), expected));
	}

	@PutMapping("/circles/{id}/served-aes")
	@Operation(summary = "Replace the AEs a circle serves (an AE is served by one circle only); needs If-Match")
	ResponseEntity<Circle> replaceServedAes(@PathVariable CircleId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ServedAes request) {
		var expected = Versions.expectedVersion(ifMatch);
		return versioned(circles.replaceServedAes(id, request.servedAeIds(), expected));
	}

	private static ResponseEntity<Board> versioned(Board board) {
		return ResponseEntity.ok().eTag(Versions.etag(board.version())).body(board);
	}

	private static ResponseEntity<Person> versioned(Person person) {
		return ResponseEntity.ok().eTag(Versions.etag(person.version())).body(person);
	}

	private static ResponseEntity<Circle> versioned(Circle circle) {
		return ResponseEntity.ok().eTag(Versions.etag(circle.version())).body(circle);
	}
}
