package dev.baton.organisation.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.organisation.Absence;
import dev.baton.organisation.Absences;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.PersonId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * PTO and sick days. Staff read them (notes only where they may manage them); a person records
 * their own, an SA manager those of their people, an administrator anyone's.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Absences")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
class AbsencesController {

	private final Absences absences;
	private final CallContexts callers;

	AbsencesController(Absences absences, CallContexts callers) {
		this.absences = absences;
		this.callers = callers;
	}

	@PostMapping("/people/{id}/absences")
	@Operation(summary = "Record PTO or sick days (end date inclusive); honours Idempotency-Key")
	ResponseEntity<Absence> record(@PathVariable PersonId id, @RequestBody Absences.NewAbsence request) {
		var absence = absences.recordAbsence(id, request, callers.current().actor());
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/absences/" + absence.id())).body(absence);
	}

	@GetMapping("/people/{id}/absences")
	@Operation(summary = "A person's absences, optionally those touching from..to (inclusive)")
	List<Absence> list(@PathVariable PersonId id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return absences.absencesOf(id, from, to, callers.current().actor());
	}

	@GetMapping("/people/{id}/absences/{absenceId}")
	@Operation(summary = "Read one absence")
	Absence read(@PathVariable PersonId id, @PathVariable UUID absenceId) {
		return absences.absence(id, absenceId, callers.current().actor());
	}

	@DeleteMapping("/people/{id}/absences/{absenceId}")
	@Operation(summary = "Remove an absence")
	ResponseEntity<Void> remove(@PathVariable PersonId id, @PathVariable UUID absenceId) {
		absences.removeAbsence(id, absenceId, callers.current().actor());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/circles/{id}/absences")
	@Operation(summary = "The absences of a circle's members touching from..to (inclusive, at most 366 days)")
	List<Absence> circle(@PathVariable CircleId id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return absences.circleAbsences(id, from, to, callers.current().actor());
	}
}
