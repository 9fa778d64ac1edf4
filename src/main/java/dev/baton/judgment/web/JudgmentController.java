package dev.baton.judgment.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.judgment.JudgmentColor;
import dev.baton.judgment.Judgments;
import dev.baton.judgment.SaJudgment;
import dev.baton.organisation.CallContexts;
import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * SA Judgments: recorded by SAs on opportunities, read by the vendor's sales staff, with the
 * reports that compare them with the rule, the AE's forecast and the outcomes.
 */
@RestController
@Tag(name = "SA Judgment")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class JudgmentController {

	private final Judgments judgments;
	private final CallContexts callers;

	JudgmentController(Judgments judgments, CallContexts callers) {
		this.judgments = judgments;
		this.callers = callers;
	}

	record RecordJudgment(JudgmentColor color, String comment, SaJudgment.Checklist checklist) {
	}

	record JudgmentView(UUID id, UUID opportunityId, UUID saId, JudgmentColor color, String comment, String line,
			SaJudgment.Checklist checklist, int checklistMet, String stage, String forecastCategory,
			java.time.Instant recordedAt) {

		static JudgmentView of(SaJudgment j) {
			return new JudgmentView(j.id(), j.opportunityId(), j.saId(), j.color(), j.comment(), j.line(), j.checklist(),
					j.checklist().met(), j.stage().label(), j.forecastCategory(), j.recordedAt());
		}
	}

	record History(UUID opportunityId, boolean required, String requirement, List<JudgmentView> judgments) {
	}

	@PostMapping("/api/v1/opportunities/{id}/judgments")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER')")
	@Operation(summary = "Record an SA Judgment (RED, YELLOW or GREEN, a one-line comment and the checklist); append-only")
	ResponseEntity<JudgmentView> record(@PathVariable OpportunityId id, @RequestBody RecordJudgment body) {
		var judgment = judgments.record(id, body.color(), body.comment(), body.checklist(), callers.person(ProblemType.NOT_PERMITTED));
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + id + "/judgments"))
				.body(JudgmentView.of(judgment));
	}

	@GetMapping("/api/v1/opportunities/{id}/judgments")
	@Operation(summary = "An opportunity's judgments, newest first, and whether the rule requires one")
	History history(@PathVariable OpportunityId id) {
		var requirement = judgments.requirement(id);
		return new History(id.value(), requirement.required(), requirement.reason(),
				judgments.history(id).stream().map(JudgmentView::of).toList());
	}

	@GetMapping("/api/v1/governance/judgments/missing")
	@Operation(summary = "Open opportunities the rule (baton.governance.judgment.*) requires a judgment on, without one")
	List<Judgments.Missing> missing() {
		return judgments.missing();
	}

	@GetMapping("/api/v1/governance/judgments/misaligned")
	@Operation(summary = "Open opportunities whose current judgment disagrees with the AE's forecast category")
	List<Judgments.Misaligned> misaligned() {
		return judgments.misaligned();
	}

	@GetMapping("/api/v1/governance/judgments/calibration")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
	@Operation(summary = "Per SA: their judgments on closed opportunities against the outcome")
	List<Judgments.Calibration> calibration() {
		return judgments.calibration();
	}
}
