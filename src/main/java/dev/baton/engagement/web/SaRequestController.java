package dev.baton.engagement.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.Engagement;
import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.domain.Advisory;
import dev.baton.engagement.domain.ApprovalGate;
import dev.baton.engagement.domain.SaRequest;
import dev.baton.engagement.jdbc.SaRequestRepository;
import dev.baton.engagement.jdbc.TriageMetrics;
import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.Page;
import dev.baton.platform.Versions;
import dev.baton.sizing.SavedSizing;
import dev.baton.sizing.SavedSizings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * SA requests: filing, the circle's triage on the thread, assignment and the board workflow.
 */
@RestController
@RequestMapping("/api/v1/sa-requests")
@Tag(name = "SA requests")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class SaRequestController {

	private final Engagement engagement;
	private final TriageMetrics metrics;
	private final SavedSizings savedSizings;
	private final java.time.Clock clock;

	SaRequestController(Engagement engagement, TriageMetrics metrics, SavedSizings savedSizings, java.time.Clock clock) {
		this.engagement = engagement;
		this.savedSizings = savedSizings;
		this.metrics = metrics;
		this.clock = clock;
	}

	@GetMapping("/metrics")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
	@Operation(summary = "Triage metrics over requests filed in [from, to): fast-track share, triage and SLA attainment, time to triage")
	TriageMetrics.Report metrics(@RequestParam(required = false) String board, @RequestParam(required = false) UUID circleId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		var end = to == null ? clock.instant() : to;
		var start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
		if (!start.isBefore(end)) {
			throw dev.baton.platform.BatonException.invalid("from", "must be before to");
		}
		return metrics.report(board, circleId, start, end);
	}

	record FileRequest(UUID opportunityId, RequestTemplate template, Set<RequestLabel> labels, RequestDetails details) {
	}

	record SaRequestView(UUID id, String reference, String title, UUID opportunityId, UUID requesterId, String board, UUID circle,
			RequestTemplate template, RequestStatus status, String statusLabel, Set<RequestLabel> labels,
			boolean fastTrack, boolean expedite, ApprovalGate approvalGate, Instant receivedAt, Instant triageDueAt,
			Instant slaDueAt, boolean clocksPaused, LocalDate techEvalTargetDate, boolean techEvalAtRisk,
			List<Advisory> advisories, UUID assigneeId, UUID assistId, Integer recommendationRank, String rankReason,
			UUID assigneeCircleId, boolean crossCircle, Instant triagedAt, Instant engagedAt,
			Instant closedAt, String declineReason, RequestDetails details, SavedSizing sizing, int version,
			Instant createdAt, Instant updatedAt) {

		static SaRequestView of(SaRequest r) {
			return of(r, null);
		}

		/** With the latest sizing recommendation saved against the request's opportunity, if any. */
		static SaRequestView of(SaRequest r, SavedSizing sizing) {
			return new SaRequestView(r.id().value(), r.reference(), r.title(), r.opportunityId(), r.requesterId(), r.boardKey(), r.circleId(),
					r.template(), r.status(), r.status().label(), r.labels(), r.fastTrack(), r.expedite(), r.gate(),
					r.receivedAt(), r.triageDueAt(), r.slaDueAt(), r.pausedAt() != null, r.techEvalTarget(),
					r.techEvalAtRisk(), r.advisories(), r.assigneeId(), r.assistId(), r.recommendationRank(),
					r.rankReason(), r.assigneeCircleId(), r.crossCircle(), r.triagedAt(), r.engagedAt(),
					r.closedAt(), r.declineReason(), r.details(), sizing, r.version(), r.createdAt(), r.updatedAt());
		}
	}

	@PostMapping
	@PreAuthorize("hasRole('AE')")
	@Operation(summary = "File an SA request from an opportunity with a template; honours Idempotency-Key")
	ResponseEntity<SaRequestView> file(@RequestBody FileRequest request) {
		var filed = engagement.file(new Engagement.Filing(request.opportunityId(), request.template(), request.labels(),
				request.details()));
		return ResponseEntity.created(URI.create("/api/v1/sa-requests/" + filed.id())).eTag(Versions.etag(filed.version()))
				.body(SaRequestView.of(filed));
	}

	/**
	 * A page of the request list: the numbered page's fields, and the cursor of the page that
	 * follows (null on the last page).
	 */
	record RequestList(List<SaRequestView> items, int page, int size, long totalItems, String nextCursor) {
	}

	@GetMapping
	@Operation(summary = "List requests by triage due time, filtered by status, circle, board, assignee, requester, "
			+ "opportunity or number (reference, such as CAMER-12, in any case); by page number (page, size) or, however deep, by cursor: pass the answer's nextCursor "
			+ "as cursor for the page that follows")
	RequestList list(@RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) UUID circleId, @RequestParam(required = false) String board,
			@RequestParam(required = false) UUID assigneeId, @RequestParam(required = false) UUID requesterId,
			@RequestParam(required = false) UUID opportunityId, @RequestParam(required = false) String reference,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String cursor) {
		if (reference != null && (reference.isBlank() || reference.length() > 40)) {
			throw dev.baton.platform.BatonException.invalid("reference", "is a request number such as CAMER-12");
		}
		var filter = new SaRequestRepository.Filter(status, circleId, board, assigneeId, requesterId, opportunityId,
				reference);
		var request = new Page.Request(page, size);
		var found = cursor == null ? engagement.list(filter, request)
				: engagement.listAfter(filter, Cursors.parse(cursor), request.size());
		var more = cursor == null ? request.offset() + found.items().size() < found.totalItems()
				: found.items().size() == request.size();
		var next = more && !found.items().isEmpty()
				? Cursors.format(SaRequestRepository.Cursor.of(found.items().get(found.items().size() - 1))) : null;
		return new RequestList(found.items().stream().map(SaRequestView::of).toList(), found.page(), found.size(),
				found.totalItems(), next);
	}

	/** A list cursor as an opaque, URL-safe text: the last request's triage due time, creation time and id. */
	static final class Cursors {

		private Cursors() {
		}

		static String format(SaRequestRepository.Cursor cursor) {
			var text = (cursor.triageDueAt() == null ? "" : cursor.triageDueAt().toString()) + "|"
					+ cursor.createdAt() + "|" + cursor.id();
			return java.util.Base64.getUrlEncoder().withoutPadding()
					.encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}

		static SaRequestRepository.Cursor parse(String value) {
			try {
				var parts = new String(java.util.Base64.getUrlDecoder().decode(value),
						java.nio.charset.StandardCharsets.UTF_8).split("\\|", -1);
				if (parts.length != 3) {
					throw new IllegalArgumentException("three parts expected");
				}
				return new SaRequestRepository.Cursor(parts[0].isEmpty() ? null : Instant.parse(parts[0]),
						Instant.parse(parts[1]), UUID.fromString(parts[2]));
			}
			catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
				throw dev.baton.platform.BatonException.invalid("cursor",
						"is not a cursor of this list: take nextCursor from the page before");
			}
		}
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a request, with the sizing saved against its opportunity; the ETag is its version")
	ResponseEntity<SaRequestView> get(@PathVariable SaRequestId id) {
		var request = engagement.find(id);
		var sizing = savedSizings.latestFor(OpportunityId.of(request.opportunityId())).orElse(null);
		return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(SaRequestView.of(request, sizing));
	}

	@GetMapping("/{id}/thread")
	@Operation(summary = "The request's thread: discussion, questions to the AE and answers, the 4 questions, reviews, waiver, approvals")
	Engagement.RequestThread thread(@PathVariable SaRequestId id) {
		engagement.find(id);
		return engagement.thread(id);
	}

	record CommentRequest(String body) {
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Add to the circle's discussion on the thread")
	ResponseEntity<Engagement.RequestThread> comment(@PathVariable SaRequestId id, @RequestBody CommentRequest request) {
		engagement.comment(id, request.body());
		return ResponseEntity.status(201).body(engagement.thread(id));
	}

	@PutMapping("/{id}/triage-answers")
	@Operation(summary = "Answer the 4 questions; an incomplete command plan sends questionsForRequestor to the AE and pauses the clocks")
	SaRequestView answer(@PathVariable SaRequestId id, @RequestBody Engagement.Answers answers) {
		return SaRequestView.of(engagement.answerQuestions(id, answers));
	}

	record RequestorAnswer(String answer) {
	}

	@PostMapping("/{id}/requestor-answer")
	@Operation(summary = "The AE answers the circle's questions; the clocks run again")
	SaRequestView requestorAnswer(@PathVariable SaRequestId id, @RequestBody RequestorAnswer request) {
		return SaRequestView.of(engagement.answerAsRequestor(id, request.answer()));
	}

	record ReviewRequest(ReviewVerdict verdict, String note) {
	}

	@PostMapping("/{id}/reviews")
	@Operation(summary = "Review the command plan (one review per person; the second counts toward the second review): "
			+ "201 for your first review, 200 when it replaces your earlier one, which still counts once")
	ResponseEntity<Engagement.RequestThread> review(@PathVariable SaRequestId id, @RequestBody ReviewRequest request) {
		var first = engagement.review(id, request.verdict(), request.note());
		return ResponseEntity.status(first ? 201 : 200).body(engagement.thread(id));
	}

	record WaiverRequest(String reason) {
	}

	@PostMapping("/{id}/review-waiver")
	@Operation(summary = "Waive the second review, with the reason kept")
	ResponseEntity<Engagement.RequestThread> waive(@PathVariable SaRequestId id, @RequestBody WaiverRequest request) {
		engagement.waiveSecondReview(id, request.reason());
		return ResponseEntity.status(201).body(engagement.thread(id));
	}

	record ApprovalRequest(ApprovalDecision decision, String reason) {
	}

	@PostMapping("/{id}/approvals")
	@PreAuthorize("hasAnyRole('ASM','SA_MANAGER')")
	@Operation(summary = "Approve or reject a request that its segment gates (ASM review; ASM and SA Manager)")
	SaRequestView approve(@PathVariable SaRequestId id, @RequestBody ApprovalRequest request) {
		return SaRequestView.of(engagement.decideApproval(id, request.decision(), request.reason()));
	}

	/**
	 * The body of an assignment; expectedVersion and If-Match are the same check (If-Match wins).
	 */
	record AssignmentRequest(UUID assigneeId, UUID assistId, Integer recommendationRank, String rankReason,
			Integer expectedVersion) {
	}

	@GetMapping("/{id}/assignment-check")
	@Operation(summary = "Whether the triage rules allow assigning this request to someone, and every rule still in the way")
	RuleViolation.Check check(@PathVariable SaRequestId id, @RequestParam UUID assigneeId, @RequestParam(required = false) UUID assistId,
			@RequestParam(required = false) Integer recommendationRank, @RequestParam(required = false) String rankReason) {
		return RuleViolation.Check.of(engagement.checkAssignment(id, new Engagement.Assignment(assigneeId, assistId,
				recommendationRank, rankReason, null)));
	}

	@PostMapping("/{id}/assignment")
	@Operation(summary = "Assign an SA of the circle (or of another circle of the board: a cross-circle hand-off) under the "
			+ "triage rules, with the recommendation rank chosen and a reason when it is not the top; If-Match or "
			+ "expectedVersion optional, a concurrent assignment gets 409")
	SaRequestView assign(@PathVariable SaRequestId id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody AssignmentRequest request) {
		var expected = ifMatch == null ? request.expectedVersion() : Integer.valueOf(Versions.expectedVersion(ifMatch));
		return SaRequestView.of(engagement.assign(id, new Engagement.Assignment(request.assigneeId(), request.assistId(),
				request.recommendationRank(), request.rankReason(), expected)));
	}

	/** The body of a hand-over to another SA. */
	record ReassignmentRequest(UUID assigneeId, String handOverNote, Integer expectedVersion) {
	}

	@PostMapping("/{id}/reassignment")
	@Operation(summary = "Hand an assigned request to another SA with a hand-over note, leaving its clocks as they are; "
			+ "for the assignee, their SA manager or an admin; If-Match or expectedVersion optional (409 when stale)")
	SaRequestView reassign(@PathVariable SaRequestId id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ReassignmentRequest request) {
		var expected = ifMatch == null ? request.expectedVersion() : Integer.valueOf(Versions.expectedVersion(ifMatch));
		return SaRequestView.of(engagement.reassign(id, new Engagement.Reassignment(request.assigneeId(),
				request.handOverNote(), expected)));
	}

	record DeclineRequest(String reason) {
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline with a reason; the AE is told")
	SaRequestView decline(@PathVariable SaRequestId id, @RequestBody DeclineRequest request) {
		return SaRequestView.of(engagement.decline(id, request.reason()));
	}

	record TransitionRequest(RequestStatus to) {
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Move on the board: SA Triaged -> SA Doing -> SA Followup -> Done")
	SaRequestView move(@PathVariable SaRequestId id, @RequestBody TransitionRequest request) {
		return SaRequestView.of(engagement.moveTo(id, request.to()));
	}

	record LabelsRequest(Set<RequestLabel> labels) {
	}

	@PutMapping("/{id}/labels")
	@Operation(summary = "Set the board labels; Expedite re-times the SLA; Fast Track is Baton's to set")
	SaRequestView labels(@PathVariable SaRequestId id, @RequestBody LabelsRequest request) {
		return SaRequestView.of(engagement.relabel(id, request.labels()));
	}
}
