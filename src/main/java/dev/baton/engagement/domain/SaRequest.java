package dev.baton.engagement.domain;

import dev.baton.engagement.EngagementProblems;
import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.baton.platform.BatonException;

/**
 * An AE's request for a solutions architect on an opportunity, as it moves across its board.
 * Every change goes through a method that refuses it when the current state does not allow it,
 * naming that state.
 */
public final class SaRequest {

	private static final Map<RequestStatus, Set<RequestStatus>> MOVES = Map.of(
			RequestStatus.SA_TRIAGED, EnumSet.of(RequestStatus.SA_DOING),
			RequestStatus.SA_DOING, EnumSet.of(RequestStatus.SA_FOLLOWUP, RequestStatus.DONE),
			RequestStatus.SA_FOLLOWUP, EnumSet.of(RequestStatus.SA_DOING, RequestStatus.DONE));

	private final UUID id;
	private final UUID opportunityId;
	private final UUID requesterId;
	private final UUID circleId;
	private final String boardKey;
	private final RequestTemplate template;
	private final String title;
	private final RequestDetails details;
	private final List<Advisory> advisories;
	private final ApprovalGate gate;
	private final LocalDate techEvalTarget;
	private final boolean techEvalAtRisk;
	private final boolean fastTrack;
	private final Instant createdAt;
	private final int version;

	private RequestStatus status;
	private EnumSet<RequestLabel> labels;
	private Instant receivedAt;
	private Instant triageDueAt;
	private Instant slaDueAt;
	private Instant pausedAt;
	private RequestStatus waitingFrom;
	private UUID assigneeId;
	private UUID assistId;
	private Instant triagedAt;
	private Instant engagedAt;
	private Instant closedAt;
	private String declineReason;
	private Integer recommendationRank;
	private String rankReason;
	private UUID assigneeCircleId;
	private Instant updatedAt;

	public SaRequest(UUID id, UUID opportunityId, UUID requesterId, UUID circleId, String boardKey, RequestTemplate template,
			String title, RequestDetails details, List<Advisory> advisories, ApprovalGate gate, LocalDate techEvalTarget,
			boolean techEvalAtRisk, boolean fastTrack, Instant createdAt, int version, RequestStatus status,
			Set<RequestLabel> labels, Instant receivedAt, Instant triageDueAt, Instant slaDueAt, Instant pausedAt,
			RequestStatus waitingFrom, UUID assigneeId, UUID assistId, Instant triagedAt, Instant engagedAt,
			Instant closedAt, String declineReason, Integer recommendationRank, String rankReason, UUID assigneeCircleId,
			Instant updatedAt) {
		this.id = id;
		this.opportunityId = opportunityId;
		this.requesterId = requesterId;
		this.circleId = circleId;
		this.boardKey = boardKey;
		this.template = template;
		this.title = title;
		this.details = details;
		this.advisories = List.copyOf(advisories);
		this.gate = gate;
		this.techEvalTarget = techEvalTarget;
		this.techEvalAtRisk = techEvalAtRisk;
		this.fastTrack = fastTrack;
		this.createdAt = createdAt;
		this.version = version;
		this.status = status;
		this.labels = labels.isEmpty() ? EnumSet.noneOf(RequestLabel.class) : EnumSet.copyOf(labels);
		this.receivedAt = receivedAt;
		this.triageDueAt = triageDueAt;
		this.slaDueAt = slaDueAt;
		this.pausedAt = pausedAt;
		this.waitingFrom = waitingFrom;
		this.assigneeId = assigneeId;
		this.assistId = assistId;
		this.triagedAt = triagedAt;
		this.engagedAt = engagedAt;
		this.closedAt = closedAt;
		this.declineReason = declineReason;
		this.recommendationRank = recommendationRank;
		this.rankReason = rankReason;
		this.assigneeCircleId = assigneeCircleId;
		this.updatedAt = updatedAt;
	}

	/** Puts a request that waited for approval on the board, its clocks starting now. */
	public void approved(RequestClock.DueTimes due) {
		require(RequestStatus.AWAITING_APPROVAL, "start triage");
		status = RequestStatus.NEW;
		setClocks(due);
		updatedAt = due.receivedAt();
	}

	public void assign(UUID assignee, UUID assist, Instant at) {
		assign(assignee, assist, null, null, circleId, at);
	}

	/**
	 * Assigns after triage, keeping which recommendation was chosen (null when none was looked at),
	 * why not the top one, and the circle the assignee comes from.
	 */
	public void assign(UUID assignee, UUID assist, Integer rank, String reason, UUID assigneeCircle, Instant at) {
		require(RequestStatus.NEW, "assign it");
		status = RequestStatus.SA_TRIAGED;
		assigneeId = assignee;
		assistId = assist;
		recommendationRank = rank;
		rankReason = reason;
		assigneeCircleId = assigneeCircle;
		triagedAt = at;
		updatedAt = at;
	}

	/**
	 * Hands an assigned request to another SA. The clocks and the triage record stay as they were:
	 * a hand-over is not a new triage. A main-assist who takes over stops being the assist.
	 */
	public void reassign(UUID assignee, UUID assigneeCircle, Instant at) {
		var assigned = status == RequestStatus.SA_TRIAGED || status == RequestStatus.SA_DOING
				|| status == RequestStatus.SA_FOLLOWUP || (status == RequestStatus.SA_WAITING && assigneeId != null);
		if (!assigned) {
			throw illegal("reassign it");
		}
		if (assignee.equals(assigneeId)) {
			throw BatonException.invalid("assigneeId", "is the current assignee already");
		}
		if (assignee.equals(assistId)) {
			assistId = null;
		}
		assigneeId = assignee;
		assigneeCircleId = assigneeCircle;
		updatedAt = at;
	}

	/** Whether the assignee comes from another circle of the board than the request's. */
	public boolean crossCircle() {
		return assigneeCircleId != null && !assigneeCircleId.equals(circleId);
	}

	/** The circle asked the AE; the clocks stop until the AE answers. */
	public void waitForRequestor(Instant at) {
		if (status != RequestStatus.NEW && status != RequestStatus.SA_TRIAGED && status != RequestStatus.SA_DOING) {
			throw illegal("wait for the requestor");
		}
		waitingFrom = status;
		status = RequestStatus.SA_WAITING;
		pausedAt = at;
		updatedAt = at;
	}

	/** The AE answered; the clocks run again with the business time they had left. */
	public void resume(dev.baton.organisation.BusinessCalendar calendar, TimeBasis basis, Instant at) {
		require(RequestStatus.SA_WAITING, "resume it");
		triageDueAt = RequestClock.resumed(calendar, basis, triageDueAt, pausedAt, at);
		slaDueAt = RequestClock.resumed(calendar, basis, slaDueAt, pausedAt, at);
		status = waitingFrom;
		waitingFrom = null;
		pausedAt = null;
		updatedAt = at;
	}

	public void decline(String reason, Instant at) {
		if (status != RequestStatus.NEW && status != RequestStatus.SA_WAITING && status != RequestStatus.AWAITING_APPROVAL) {
			throw illegal("decline it");
		}
		status = RequestStatus.DECLINED;
		declineReason = reason;
		pausedAt = null;
		closedAt = at;
		updatedAt = at;
	}

	public void moveTo(RequestStatus target, Instant at) {
		var allowed = MOVES.getOrDefault(status, Set.of());
		if (!allowed.contains(target)) {
			throw new BatonException(EngagementProblems.ILLEGAL_TRANSITION, "A request in " + status.label()
					+ " cannot move to " + target.label() + (allowed.isEmpty() ? "" : "; it can move to "
							+ String.join(", ", allowed.stream().map(RequestStatus::label).sorted().toList())));
		}
		if (target == RequestStatus.SA_DOING && engagedAt == null) {
			engagedAt = at;
		}
		if (target == RequestStatus.DONE) {
			closedAt = at;
		}
		status = target;
		updatedAt = at;
	}

	/** Sets the board labels a person may set; Fast Track stays as the clock decided. */
	public void relabel(Set<RequestLabel> requested, RequestClock.DueTimes expediteClocks, Instant at) {
		if (!status.isOpen()) {
			throw illegal("change its labels");
		}
		var next = requested.isEmpty() ? EnumSet.noneOf(RequestLabel.class) : EnumSet.copyOf(requested);
		next.remove(RequestLabel.FAST_TRACK);
		if (fastTrack) {
			next.add(RequestLabel.FAST_TRACK);
		}
		var expediteChanged = next.contains(RequestLabel.EXPEDITE) != labels.contains(RequestLabel.EXPEDITE);
		labels = next;
		if (expediteChanged && expediteClocks != null && receivedAt != null && status != RequestStatus.SA_WAITING) {
			slaDueAt = expediteClocks.slaDueAt();
			if (engagedAt == null) {
				triageDueAt = triagedAt == null ? expediteClocks.triageDueAt() : triageDueAt;
			}
		}
		updatedAt = at;
	}

	public void setClocks(RequestClock.DueTimes due) {
		receivedAt = due.receivedAt();
		triageDueAt = due.triageDueAt();
		slaDueAt = due.slaDueAt();
	}

	private void require(RequestStatus expected, String what) {
		if (status != expected) {
			throw illegal(what);
		}
	}

	private BatonException illegal(String what) {
		return new BatonException(EngagementProblems.ILLEGAL_TRANSITION,
				"Cannot " + what + ": the request is in " + status.label());
	}

	public UUID id() { return id; }
	public UUID opportunityId() { return opportunityId; }
	public UUID requesterId() { return requesterId; }
	public UUID circleId() { return circleId; }
	public String boardKey() { return boardKey; }
	public RequestTemplate template() { return template; }
	public String title() { return title; }
	public RequestDetails details() { return details; }
	public List<Advisory> advisories() { return advisories; }
	public ApprovalGate gate() { return gate; }
	public LocalDate techEvalTarget() { return techEvalTarget; }
	public boolean techEvalAtRisk() { return techEvalAtRisk; }
	public boolean fastTrack() { return fastTrack; }
	public Instant createdAt() { return createdAt; }
	public int version() { return version; }
	public RequestStatus status() { return status; }
	public Set<RequestLabel> labels() { return EnumSet.copyOf(labels.isEmpty() ? EnumSet.noneOf(RequestLabel.class) : labels); }
	public boolean expedite() { return labels.contains(RequestLabel.EXPEDITE); }
	public Instant receivedAt() { return receivedAt; }
	public Instant triageDueAt() { return triageDueAt; }
	public Instant slaDueAt() { return slaDueAt; }
	public Instant pausedAt() { return pausedAt; }
	public RequestStatus waitingFrom() { return waitingFrom; }
	public UUID assigneeId() { return assigneeId; }
	public UUID assistId() { return assistId; }
	public Instant triagedAt() { return triagedAt; }
	public Instant engagedAt() { return engagedAt; }
	public Instant closedAt() { return closedAt; }
	public String declineReason() { return declineReason; }
	public Integer recommendationRank() { return recommendationRank; }
	public String rankReason() { return rankReason; }
	public UUID assigneeCircleId() { return assigneeCircleId; }
	public Instant updatedAt() { return updatedAt; }
}
