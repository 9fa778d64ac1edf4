package dev.baton.onsite.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

import dev.baton.onsite.Approver;
import dev.baton.onsite.OnsiteRequestId;
import dev.baton.onsite.OnsiteRequests;
import dev.baton.onsite.OnsiteStatus;
import dev.baton.onsite.domain.OnsiteRequest;
import dev.baton.organisation.CallContexts;
import dev.baton.pipeline.OpportunityId;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * On-site requests: filed by an AE or SA, approved by an SA manager and an ASM. Every change
 * names the version it read (If-Match), so two approvers deciding at once cannot both win.
 */
@RestController
@RequestMapping("/api/v1/onsite-requests")
@Tag(name = "On-site requests")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class OnsiteRequestController {

	private final OnsiteRequests onsites;
	private final CallContexts callers;

	OnsiteRequestController(OnsiteRequests onsites, CallContexts callers) {
		this.onsites = onsites;
		this.callers = callers;
	}

	record Amount(BigDecimal amount, String currency) {
	}

	record FileOnsite(UUID opportunityId, Amount estimatedCost, List<UUID> attendeeIds, String engagementSummary,
			List<OnsiteRequest.Stakeholder> stakeholders, List<LocalDate> proposedDates,
			List<OnsiteRequest.AgendaDay> agenda, String outstandingActivities, Boolean customerAgreedAgenda,
			Boolean budgetedInitiative) {
	}

	record Approval(Approver as) {
	}

	record Rejection(String reason) {
	}

	record Reschedule(List<LocalDate> proposedDates, List<OnsiteRequest.AgendaDay> agenda) {
	}

	record Approvals(UUID saManagerId, Instant saManagerApprovedAt, UUID asmId, Instant asmApprovedAt) {
	}

	record OnsiteView(UUID id, UUID opportunityId, UUID requesterId, OnsiteStatus status, Amount estimatedCost,
			List<UUID> attendeeIds, String engagementSummary, List<OnsiteRequest.Stakeholder> stakeholders,
			List<LocalDate> proposedDates, List<OnsiteRequest.AgendaDay> agenda, String outstandingActivities,
			boolean customerAgreedAgenda, boolean budgetedInitiative, Approvals approvals, UUID rejectedBy,
			String rejectionReason, Instant decidedAt, UUID csmId, int version, Instant createdAt, Instant updatedAt) {

		static OnsiteView of(OnsiteRequest r) {
			return new OnsiteView(r.id(), r.opportunityId(), r.requesterId(), r.status(),
					new Amount(r.estimatedCost().amount(), r.estimatedCost().currency().getCurrencyCode()),
					r.attendeeIds(), r.engagementSummary(), r.stakeholders(), r.proposedDates(), r.agenda(),
					r.outstandingActivities(), r.customerAgreedAgenda(), r.budgetedInitiative(),
					new Approvals(r.saManagerId(), r.saManagerApprovedAt(), r.asmId(), r.asmApprovedAt()),
					r.rejectedBy(), r.rejectionReason(), r.decidedAt(), r.csmId(), r.version(), r.createdAt(),
					r.updatedAt());
		}
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('AE','SA')")
	@Operation(summary = "File an on-site request; both prerequisites must be true (422 otherwise)")
	ResponseEntity<OnsiteView> file(@RequestBody FileOnsite body) {
		var cost = body.estimatedCost();
		var form = new OnsiteRequests.Form(body.opportunityId(), cost == null ? null : cost.amount(),
				cost == null ? null : cost.currency(), body.attendeeIds(), body.engagementSummary(), body.stakeholders(),
				body.proposedDates(), body.agenda(), body.outstandingActivities(), body.customerAgreedAgenda(),
				body.budgetedInitiative());
		var request = onsites.file(form, callers.person(ProblemType.NOT_PERMITTED));
		return ResponseEntity.created(URI.create("/api/v1/onsite-requests/" + request.id()))
				.eTag(Versions.etag(request.version())).body(OnsiteView.of(request));
	}

	@GetMapping
	@Operation(summary = "On-site requests, newest first, optionally by status or opportunity")
	Page<OnsiteView> list(@RequestParam(required = false) OnsiteStatus status,
			@RequestParam(required = false) OpportunityId opportunityId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return onsites.list(status, opportunityId, new Page.Request(page, size)).map(OnsiteView::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one on-site request; the ETag is its version")
	ResponseEntity<OnsiteView> read(@PathVariable OnsiteRequestId id) {
		var request = onsites.find(id);
		return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(OnsiteView.of(request));
	}

	@PostMapping("/{id}/approvals")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ASM')")
	@Operation(summary = "Approve as SA_MANAGER or ASM (If-Match required); approved once both have, by two different people")
	ResponseEntity<OnsiteView> approve(@PathVariable OnsiteRequestId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Approval body) {
		if (body.as() == null) {
			throw BatonException.invalid("as", "is required: SA_MANAGER or ASM");
		}
		var request = onsites.approve(id, body.as(), Versions.expectedVersion(ifMatch), callers.person(ProblemType.NOT_PERMITTED));
		return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(OnsiteView.of(request));
	}

	@PostMapping("/{id}/rejection")
	@PreAuthorize("hasAnyRole('SA_MANAGER','ASM')")
	@Operation(summary = "Reject with a reason (If-Match required)")
	ResponseEntity<OnsiteView> reject(@PathVariable OnsiteRequestId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Rejection body) {
		var request = onsites.reject(id, body.reason(), Versions.expectedVersion(ifMatch), callers.person(ProblemType.NOT_PERMITTED));
		return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(OnsiteView.of(request));
	}

	@PutMapping("/{id}/schedule")
	@Operation(summary = "Change the proposed dates and agenda (requester, If-Match required); changed dates clear the approvals")
	ResponseEntity<OnsiteView> reschedule(@PathVariable OnsiteRequestId id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody Reschedule body) {
		var request = onsites.reschedule(id, body.proposedDates(), body.agenda(), Versions.expectedVersion(ifMatch),
				callers.person(ProblemType.NOT_PERMITTED));
		return ResponseEntity.ok().eTag(Versions.etag(request.version())).body(OnsiteView.of(request));
	}
}
