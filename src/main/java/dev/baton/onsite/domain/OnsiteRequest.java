package dev.baton.onsite.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.baton.onsite.Approver;
import dev.baton.onsite.OnsiteProblems;
import dev.baton.onsite.OnsiteStatus;
import dev.baton.platform.BatonException;
import dev.baton.platform.Money;

/**
 * A request to meet a customer on site, with the brief's fields, the two prerequisites and the
 * two approvals (SA manager and ASM). Changes go through methods that guard the state; the
 * policies decide who may take them.
 */
public final class OnsiteRequest {

	/** Someone from the customer who will be there. */
	public record Stakeholder(String name, String title) {
	}

	/** The plan for one of the proposed days. */
	public record AgendaDay(LocalDate day, String plan) {
	}

	private final UUID id;
	private final UUID opportunityId;
	private final UUID requesterId;
	private OnsiteStatus status;
	private final Money estimatedCost;
	private final List<UUID> attendeeIds;
	private final String engagementSummary;
	private final List<Stakeholder> stakeholders;
	private List<LocalDate> proposedDates;
	private List<AgendaDay> agenda;
	private final String outstandingActivities;
	private final boolean customerAgreedAgenda;
	private final boolean budgetedInitiative;
	private UUID saManagerId;
	private Instant saManagerApprovedAt;
	private UUID asmId;
	private Instant asmApprovedAt;
	private UUID rejectedBy;
	private String rejectionReason;
	private Instant decidedAt;
	private UUID csmId;
	private final int version;
	private final Instant createdAt;
	private Instant updatedAt;

	private OnsiteRequest(UUID id, UUID opportunityId, UUID requesterId, OnsiteStatus status, Money estimatedCost,
			List<UUID> attendeeIds, String engagementSummary, List<Stakeholder> stakeholders,
			List<LocalDate> proposedDates, List<AgendaDay> agenda, String outstandingActivities,
			boolean customerAgreedAgenda, boolean budgetedInitiative, UUID saManagerId, Instant saManagerApprovedAt,
			UUID asmId, Instant asmApprovedAt, UUID rejectedBy, String rejectionReason, Instant decidedAt, UUID csmId,
			int version, Instant createdAt, Instant updatedAt) {
		this.id = Objects.requireNonNull(id, "id");
		this.opportunityId = Objects.requireNonNull(opportunityId, "opportunityId");
		this.requesterId = Objects.requireNonNull(requesterId, "requesterId");
		this.status = Objects.requireNonNull(status, "status");
		this.estimatedCost = Objects.requireNonNull(estimatedCost, "estimatedCost");
		this.attendeeIds = List.copyOf(attendeeIds);
		this.engagementSummary = engagementSummary;
		this.stakeholders = List.copyOf(stakeholders);
		this.proposedDates = List.copyOf(proposedDates);
		this.agenda = List.copyOf(agenda);
		this.outstandingActivities = outstandingActivities;
		this.customerAgreedAgenda = customerAgreedAgenda;
		this.budgetedInitiative = budgetedInitiative;
		this.saManagerId = saManagerId;
		this.saManagerApprovedAt = saManagerApprovedAt;
		this.asmId = asmId;
		this.asmApprovedAt = asmApprovedAt;
		this.rejectedBy = rejectedBy;
		this.rejectionReason = rejectionReason;
		this.decidedAt = decidedAt;
		this.csmId = csmId;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/**
	 * A new request as its requester files it, awaiting both approvals; the caller has checked the
	 * brief and the prerequisites.
	 */
	public static OnsiteRequest file(UUID id, UUID opportunityId, UUID requesterId, Money estimatedCost,
			List<UUID> attendeeIds, String engagementSummary, List<Stakeholder> stakeholders,
			List<LocalDate> proposedDates, List<AgendaDay> agenda, String outstandingActivities, Instant now) {
		return new OnsiteRequest(id, opportunityId, requesterId, OnsiteStatus.AWAITING_APPROVAL, estimatedCost,
				attendeeIds, engagementSummary, stakeholders, proposedDates.stream().sorted().toList(), agenda,
				outstandingActivities, true, true, null, null, null, null, null, null, null, null, 0, now, now);
	}

	/** A request as stored, for the repository. */
	public static OnsiteRequest restore(UUID id, UUID opportunityId, UUID requesterId, OnsiteStatus status,
			Money estimatedCost, List<UUID> attendeeIds, String engagementSummary, List<Stakeholder> stakeholders,
			List<LocalDate> proposedDates, List<AgendaDay> agenda, String outstandingActivities,
			boolean customerAgreedAgenda, boolean budgetedInitiative, UUID saManagerId, Instant saManagerApprovedAt,
			UUID asmId, Instant asmApprovedAt, UUID rejectedBy, String rejectionReason, Instant decidedAt, UUID csmId,
			int version, Instant createdAt, Instant updatedAt) {
		return new OnsiteRequest(id, opportunityId, requesterId, status, estimatedCost, attendeeIds, engagementSummary,
				stakeholders, proposedDates, agenda, outstandingActivities, customerAgreedAgenda, budgetedInitiative,
				saManagerId, saManagerApprovedAt, asmId, asmApprovedAt, rejectedBy, rejectionReason, decidedAt, csmId,
				version, createdAt, updatedAt);
	}

	/** Records one approval; returns true when it was the second and the request is now approved. */
	public boolean approve(Approver capacity, UUID approverId, Instant now) {
		requireAwaiting("approve");
		if (capacity == Approver.SA_MANAGER) {
			saManagerId = approverId;
			saManagerApprovedAt = now;
		} else {
			asmId = approverId;
			asmApprovedAt = now;
		}
		updatedAt = now;
		if (saManagerId != null && asmId != null) {
			status = OnsiteStatus.APPROVED;
			decidedAt = now;
			return true;
		}
		return false;
	}

	public void alignCsm(UUID csm) {
		this.csmId = csm;
	}

	public void reject(UUID by, String reason, Instant now) {
		requireAwaiting("reject");
		status = OnsiteStatus.REJECTED;
		rejectedBy = by;
		rejectionReason = reason;
		decidedAt = now;
		updatedAt = now;
	}

	/**
	 * New dates and agenda. Approvals given for other dates no longer hold: they are cleared and an
	 * approved request waits for approval again. Returns whether any approval was cleared.
	 */
	public boolean reschedule(List<LocalDate> dates, List<AgendaDay> newAgenda, Instant now) {
		if (status == OnsiteStatus.REJECTED) {
			throw new BatonException(OnsiteProblems.ONSITE_ILLEGAL_STATE,
					"The on-site request was rejected; file a new one instead of changing its dates");
		}
		var datesChanged = !proposedDates.equals(dates);
		proposedDates = List.copyOf(dates);
		agenda = List.copyOf(newAgenda);
		updatedAt = now;
		if (!datesChanged || (saManagerId == null && asmId == null)) {
			return false;
		}
		saManagerId = null;
		saManagerApprovedAt = null;
		asmId = null;
		asmApprovedAt = null;
		decidedAt = null;
		status = OnsiteStatus.AWAITING_APPROVAL;
		return true;
	}

	private void requireAwaiting(String step) {
		if (status != OnsiteStatus.AWAITING_APPROVAL) {
			throw new BatonException(OnsiteProblems.ONSITE_ILLEGAL_STATE,
					"Cannot " + step + " an on-site request that is " + status);
		}
	}

	public UUID approverAs(Approver capacity) {
		return capacity == Approver.SA_MANAGER ? saManagerId : asmId;
	}

	public UUID id() { return id; }
	public UUID opportunityId() { return opportunityId; }
	public UUID requesterId() { return requesterId; }
	public OnsiteStatus status() { return status; }
	public Money estimatedCost() { return estimatedCost; }
	public List<UUID> attendeeIds() { return attendeeIds; }
	public String engagementSummary() { return engagementSummary; }
	public List<Stakeholder> stakeholders() { return stakeholders; }
	public List<LocalDate> proposedDates() { return proposedDates; }
	public List<AgendaDay> agenda() { return agenda; }
	public String outstandingActivities() { return outstandingActivities; }
	public boolean customerAgreedAgenda() { return customerAgreedAgenda; }
	public boolean budgetedInitiative() { return budgetedInitiative; }
	public UUID saManagerId() { return saManagerId; }
	public Instant saManagerApprovedAt() { return saManagerApprovedAt; }
	public UUID asmId() { return asmId; }
	public Instant asmApprovedAt() { return asmApprovedAt; }
	public UUID rejectedBy() { return rejectedBy; }
	public String rejectionReason() { return rejectionReason; }
	public Instant decidedAt() { return decidedAt; }
	public UUID csmId() { return csmId; }
	public int version() { return version; }
	public Instant createdAt() { return createdAt; }
	public Instant updatedAt() { return updatedAt; }
}
