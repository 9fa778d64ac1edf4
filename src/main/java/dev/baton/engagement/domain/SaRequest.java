package dev.baton.engagement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.baton.engagement.EngagementProblems;
import dev.baton.engagement.EngagementRule;
import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaRequestId;
import dev.baton.organisation.BusinessCalendar;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;

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

	private static final Set<RequestStatus> DECLINABLE = EnumSet.of(RequestStatus.NEW, RequestStatus.SA_WAITING,
			RequestStatus.AWAITING_APPROVAL);

	// the fields no method below changes are set once, by the builder
	private SaRequestId id;
	private UUID opportunityId;
	private UUID requesterId;
	private UUID circleId;
	private String boardKey;
	private RequestTemplate template;
	private String title;
	private String reference;
	private RequestDetails details;
	private List<Advisory> advisories = List.of();
	private ApprovalGate gate = ApprovalGate.NONE;
	private LocalDate techEvalTarget;
	private boolean techEvalAtRisk;
	private boolean fastTrack;
	private Instant createdAt;
	private int version;

	private RequestStatus status;
	private EnumSet<RequestLabel> labels = EnumSet.noneOf(RequestLabel.class);
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

	/** What an AE files, before the segment rules and the clocks have spoken. */
	public record Intake(SaRequestId id, UUID opportunityId, UUID requesterId, UUID circleId, String boardKey,
			RequestTemplate template, String title, RequestDetails details, String reference) {

		public Intake {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(template, "template");
		}

		/** An intake not yet numbered (tests of the rules, which need no number). */
		public Intake(SaRequestId id, UUID opportunityId, UUID requesterId, UUID circleId, String boardKey,
				RequestTemplate template, String title, RequestDetails details) {
			this(id, opportunityId, requesterId, circleId, boardKey, template, title, details, null);
		}
	}

	/**
	 * A request as it is filed: on the board (New) with its clocks running, or awaiting approval
	 * when its segment gates it, in which case the clocks start when it is approved. Fast Track is
	 * set from the clocks; the clock's reasons join the segment's advisories.
	 */
	public static SaRequest file(Intake intake, SegmentPolicy.Assessment assessment, RequestClock.DueTimes due,
			Set<RequestLabel> chosenLabels) {
		var labels = chosenLabels.isEmpty() ? EnumSet.noneOf(RequestLabel.class) : EnumSet.copyOf(chosenLabels);
		if (due.fastTrack()) {
			labels.add(RequestLabel.FAST_TRACK);
		}
		var advisories = new ArrayList<>(assessment.advisories());
		due.reasons().forEach(reason -> advisories.add(Advisory.info(EngagementRule.CLOCK, reason)));
		var awaiting = assessment.gate() != ApprovalGate.NONE;
		var request = builder().id(intake.id()).opportunityId(intake.opportunityId()).requesterId(intake.requesterId())
				.circleId(intake.circleId()).boardKey(intake.boardKey()).template(intake.template()).title(intake.title())
				.details(intake.details()).reference(intake.reference()).advisories(advisories).gate(assessment.gate())
				.techEvalTarget(assessment.techEvalTarget()).techEvalAtRisk(assessment.techEvalAtRisk())
				.fastTrack(due.fastTrack()).createdAt(due.receivedAt()).updatedAt(due.receivedAt()).labels(labels)
				.status(awaiting ? RequestStatus.AWAITING_APPROVAL : RequestStatus.NEW).build();
		if (!awaiting) {
			request.setClocks(due);
		}
		return request;
	}

	/** Rebuilds a stored request, field by field (the repository's row mapper, test fixtures). */
	public static Builder builder() {
		return new Builder();
	}

	private SaRequest() {
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
		requireNew("assign it");
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
	public void resume(BusinessCalendar calendar, TimeBasis basis, Instant at) {
		require(RequestStatus.SA_WAITING, "resume it");
		triageDueAt = RequestClock.resumed(calendar, basis, triageDueAt, pausedAt, at);
		slaDueAt = RequestClock.resumed(calendar, basis, slaDueAt, pausedAt, at);
		status = waitingFrom;
		waitingFrom = null;
		pausedAt = null;
		updatedAt = at;
	}

	/** Whether the request may still be declined: while New, waiting on the requestor or awaiting approval. */
	public boolean declinable() {
		return DECLINABLE.contains(status);
	}

	public void decline(String reason, Instant at) {
		if (!declinable()) {
			throw illegal("decline it");
		}
		status = RequestStatus.DECLINED;
		declineReason = reason;
		pausedAt = null;
		closedAt = at;
		updatedAt = at;
	}

	/** Where the board lets the request go next from its status, in the board's order. */
	public List<RequestStatus> nextMoves() {
		return MOVES.getOrDefault(status, Set.of()).stream().sorted().toList();
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

	/**
	 * The rule "the request must be New": the circle triages a request (answers the 4 questions,
	 * assigns it) only while it is on the board, not yet assigned, declined or waiting.
	 */
	public Decision newForTriage(String what) {
		return status == RequestStatus.NEW ? Decision.allowed()
				: Decision.refused(EngagementRule.TRIAGE_STATUS, "Cannot " + what + ": the request is in " + status.label());
	}

	/** Refuses a triage step on a request that is no longer New as an illegal transition (409). */
	public void requireNew(String what) {
		newForTriage(what).orThrow(EngagementProblems.ILLEGAL_TRANSITION);
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

	public SaRequestId id() { return id; }
	public UUID opportunityId() { return opportunityId; }
	public UUID requesterId() { return requesterId; }
	public UUID circleId() { return circleId; }
	public String boardKey() { return boardKey; }
	public RequestTemplate template() { return template; }
	public String title() { return title; }
	/** The request's number on its board, such as CAMER-12. */
	public String reference() { return reference; }
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

	/**
	 * The stored state of a request, set field by field into the request it builds; a builder builds
	 * one request, which {@link #build()} hands over.
	 */
	public static final class Builder {

		private SaRequest request = new SaRequest();

		private Builder() {
		}

		public Builder id(SaRequestId id) { request.id = id; return this; }
		public Builder opportunityId(UUID opportunityId) { request.opportunityId = opportunityId; return this; }
		public Builder requesterId(UUID requesterId) { request.requesterId = requesterId; return this; }
		public Builder circleId(UUID circleId) { request.circleId = circleId; return this; }
		public Builder boardKey(String boardKey) { request.boardKey = boardKey; return this; }
		public Builder template(RequestTemplate template) { request.template = template; return this; }
		public Builder title(String title) { request.title = title; return this; }
		public Builder reference(String reference) { request.reference = reference; return this; }
		public Builder details(RequestDetails details) { request.details = details; return this; }
		public Builder advisories(List<Advisory> advisories) { request.advisories = List.copyOf(advisories); return this; }
		public Builder gate(ApprovalGate gate) { request.gate = gate; return this; }
		public Builder techEvalTarget(LocalDate techEvalTarget) { request.techEvalTarget = techEvalTarget; return this; }
		public Builder techEvalAtRisk(boolean techEvalAtRisk) { request.techEvalAtRisk = techEvalAtRisk; return this; }
		public Builder fastTrack(boolean fastTrack) { request.fastTrack = fastTrack; return this; }
		public Builder createdAt(Instant createdAt) { request.createdAt = createdAt; return this; }
		public Builder version(int version) { request.version = version; return this; }
		public Builder status(RequestStatus status) { request.status = status; return this; }
		public Builder labels(Set<RequestLabel> labels) {
			request.labels = labels.isEmpty() ? EnumSet.noneOf(RequestLabel.class) : EnumSet.copyOf(labels);
			return this;
		}
		public Builder receivedAt(Instant receivedAt) { request.receivedAt = receivedAt; return this; }
		public Builder triageDueAt(Instant triageDueAt) { request.triageDueAt = triageDueAt; return this; }
		public Builder slaDueAt(Instant slaDueAt) { request.slaDueAt = slaDueAt; return this; }
		public Builder pausedAt(Instant pausedAt) { request.pausedAt = pausedAt; return this; }
		public Builder waitingFrom(RequestStatus waitingFrom) { request.waitingFrom = waitingFrom; return this; }
		public Builder assigneeId(UUID assigneeId) { request.assigneeId = assigneeId; return this; }
		public Builder assistId(UUID assistId) { request.assistId = assistId; return this; }
		public Builder triagedAt(Instant triagedAt) { request.triagedAt = triagedAt; return this; }
		public Builder engagedAt(Instant engagedAt) { request.engagedAt = engagedAt; return this; }
		public Builder closedAt(Instant closedAt) { request.closedAt = closedAt; return this; }
		public Builder declineReason(String declineReason) { request.declineReason = declineReason; return this; }
		public Builder recommendationRank(Integer recommendationRank) { request.recommendationRank = recommendationRank; return this; }
		public Builder rankReason(String rankReason) { request.rankReason = rankReason; return this; }
		public Builder assigneeCircleId(UUID assigneeCircleId) { request.assigneeCircleId = assigneeCircleId; return this; }
		public Builder updatedAt(Instant updatedAt) { request.updatedAt = updatedAt; return this; }

		public SaRequest build() {
			var built = Objects.requireNonNull(request, "built already");
			Objects.requireNonNull(built.id, "id");
			Objects.requireNonNull(built.status, "status");
			request = null;
			return built;
		}
	}
}
