package dev.baton.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.organisation.Board;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Organisation;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs SA requests through intake, triage and delivery under the circle's rules; every change
 * is audited and announced as an event in the same transaction.
 */
@Service
class Engagement {

	private final SaRequestRepository requests;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final Actors actors;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MeterRegistry meters;

	Engagement(SaRequestRepository requests, Organisation organisation, Pipeline pipeline, Actors actors, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.requests = requests;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.actors = actors;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.meters = meters;
	}

	/** What an AE files. */
	record Filing(UUID opportunityId, RequestTemplate template, Set<RequestLabel> labels, RequestDetails details) {
	}

	@Transactional
	SaRequest file(Filing filing) {
		var actor = actors.current();
		if (!actor.has(Role.AE)) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "Only an AE files SA requests");
		}
		var errors = new ArrayList<dev.baton.platform.FieldError>();
		if (filing.opportunityId() == null) {
			errors.add(new dev.baton.platform.FieldError("opportunityId", "is required"));
		}
		if (filing.template() == null) {
			errors.add(new dev.baton.platform.FieldError("template", "is required: SA_ACTIVITY, FOLLOW_UP or VENDOR_SECURITY_ASSESSMENT"));
		} else {
			errors.addAll(TemplateRequirements.missing(filing.template(), filing.details()));
		}
		var labels = filing.labels() == null ? EnumSet.noneOf(RequestLabel.class)
				: filing.labels().isEmpty() ? EnumSet.noneOf(RequestLabel.class) : EnumSet.copyOf(filing.labels());
		if (labels.contains(RequestLabel.FAST_TRACK)) {
			errors.add(new dev.baton.platform.FieldError("labels", "FAST_TRACK is set by Baton from the meeting date"));
		}
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, errors.stream().map(e -> e.field() + " " + e.message())
					.collect(java.util.stream.Collectors.joining("; ")), errors, Map.of());
		}
		var opportunity = pipeline.opportunity(filing.opportunityId());
		if (!opportunity.ownerId().equals(actor.person().id())) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED,
					"Only the opportunity's owner files SA requests for it");
		}
		if (opportunity.stage().isClosed()) {
			throw BatonException.invalid("opportunityId", "the opportunity is " + opportunity.stage().label());
		}
		var circle = organisation.circleServing(actor.person().id()).orElseThrow(() -> new BatonException(
				EngagementProblems.NO_CIRCLE, "No circle serves " + actor.person().name()));
		var board = organisation.board(circle.boardKey());
		var policy = slaPolicy(board.key());
		var now = clock.instant();
		var firstMeeting = filing.details().firstMeeting().orElse(null);
		var assessment = SegmentPolicy.assess(opportunity.segment(), opportunity.stage(), opportunity.closeDate(),
				CommandPlanCheck.missingParts(opportunity.commandPlan()), filing.details().customPitchDeck(),
				LocalDate.ofInstant(now, board.calendar().zone()),
				firstMeeting == null ? null : LocalDate.ofInstant(firstMeeting, board.calendar().zone()));
		var due = RequestClock.compute(board.calendar(), policy, now, labels.contains(RequestLabel.EXPEDITE), firstMeeting);
		if (due.fastTrack()) {
			labels.add(RequestLabel.FAST_TRACK);
		}
		var awaiting = assessment.gate() != ApprovalGate.NONE;
		var advisories = new ArrayList<>(assessment.advisories());
		due.reasons().forEach(reason -> advisories.add(Advisory.info("clock", reason)));
		var account = pipeline.account(opportunity.accountId());
		var request = new SaRequest(UUID.randomUUID(), opportunity.id(), actor.person().id(), circle.id(), board.key(),
				filing.template(), account.name() + ": " + filing.template().label(), filing.details(), advisories,
				assessment.gate(), assessment.techEvalTarget(), assessment.techEvalAtRisk(), due.fastTrack(), now, 0,
				awaiting ? RequestStatus.AWAITING_APPROVAL : RequestStatus.NEW, labels, awaiting ? null : now,
				awaiting ? null : due.triageDueAt(), awaiting ? null : due.slaDueAt(), null, null, null, null, null, null,
				null, null, null, null, null, now);
		requests.insert(request);
		audit.record("sa-request.filed", "sa-request", request.id(), null, Map.of("opportunity", opportunity.externalId(),
				"template", request.template().name(), "circle", circle.name(), "fastTrack", request.fastTrack(),
				"status", request.status().name()));
		meters.counter("baton.sa_requests.filed", "board", board.key(), "fast_track", String.valueOf(request.fastTrack()))
				.increment();
		events.publishEvent(new SaRequestFiled(request.id(), opportunity.id(), actor.person().id(), circle.id(), board.key(),
				request.title(), request.template(), request.fastTrack(), request.expedite(), awaiting,
				request.triageDueAt(), request.slaDueAt(), firstMeeting));
		return request;
	}

	@Transactional
	void comment(UUID id, String body) {
		var actor = actors.current();
		var request = find(id);
		var circle = organisation.circle(request.circleId());
		if (!actor.person().id().equals(request.requesterId()) && !AssignmentPolicy.isCircle(circle, actor.person().id())
				&& !actor.person().id().equals(request.assigneeId()) && !actor.has(Role.SA_MANAGER) && !actor.has(Role.ASM) && !actor.has(Role.ADMIN)) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED,
					"Only the requester, " + circle.name() + " and managers comment on this request");
		}
		requireText("body", body, 10_000);
		var comment = new ThreadItems.Comment(UUID.randomUUID(), actor.person().id(), ThreadItems.Comment.Kind.DISCUSSION,
				body.strip(), clock.instant());
		requests.insert(id, comment);
		audit.record("sa-request.commented", "sa-request", id, null, Map.of("comment", comment.id().toString()));
	}

	/** The circle's answers, and the questions for the AE when the command plan is incomplete. */
	record Answers(Boolean commandPlanComplete, Boolean understandsContext, Boolean leadTime,
			Boolean relatableExperience, String note, String questionsForRequestor) {
	}

	@Transactional
	SaRequest answerQuestions(UUID id, Answers answers) {
		var actor = actors.current();
		var request = find(id);
		var circle = requireCircle(actor, request, "answer the 4 questions");
		var errors = new ArrayList<dev.baton.platform.FieldError>();
		if (answers.commandPlanComplete() == null) {
			errors.add(new dev.baton.platform.FieldError("commandPlanComplete", "is required"));
		}
		if (answers.understandsContext() == null) {
			errors.add(new dev.baton.platform.FieldError("understandsContext", "is required"));
		}
		if (answers.leadTime() == null) {
			errors.add(new dev.baton.platform.FieldError("leadTime", "is required"));
		}
		if (answers.relatableExperience() == null) {
			errors.add(new dev.baton.platform.FieldError("relatableExperience", "is required"));
		}
		var incomplete = Boolean.FALSE.equals(answers.commandPlanComplete());
		if (incomplete && (answers.questionsForRequestor() == null || answers.questionsForRequestor().isBlank())) {
			errors.add(new dev.baton.platform.FieldError("questionsForRequestor",
					"is required when the command plan is incomplete: say what the AE must add"));
		}
		if (!errors.isEmpty()) {
			throw new BatonException(ProblemType.VALIDATION_FAILED, errors.stream().map(e -> e.field() + " " + e.message())
					.collect(java.util.stream.Collectors.joining("; ")), errors, Map.of());
		}
		if (request.status() != RequestStatus.NEW) {
			throw new BatonException(EngagementProblems.ILLEGAL_TRANSITION,
					"The 4 questions are answered while the request is New; it is in " + request.status().label());
		}
		var now = clock.instant();
		requests.saveAnswers(id, new ThreadItems.TriageAnswers(answers.commandPlanComplete(), answers.understandsContext(),
				answers.leadTime(), answers.relatableExperience(), answers.note(), actor.person().id(), now));
		audit.record("sa-request.questions-answered", "sa-request", id, null, Map.of(
				"commandPlanComplete", answers.commandPlanComplete(), "understandsContext", answers.understandsContext(),
				"leadTime", answers.leadTime(), "relatableExperience", answers.relatableExperience()));
		if (incomplete) {
			request.waitForRequestor(now);
			save(request);
			requests.insert(id, new ThreadItems.Comment(UUID.randomUUID(), actor.person().id(),
					ThreadItems.Comment.Kind.QUESTIONS_TO_REQUESTOR, answers.questionsForRequestor().strip(), now));
			audit.record("sa-request.waiting-for-requestor", "sa-request", id, null, Map.of("circle", circle.name()));
			events.publishEvent(new SaRequestNeedsInformation(id, request.requesterId(), request.circleId(), request.title(),
					answers.questionsForRequestor().strip(), actor.person().id()));
		}
		return find(id);
	}

	@Transactional
	SaRequest answerAsRequestor(UUID id, String answer) {
		var actor = actors.current();
		var request = find(id);
		if (!actor.person().id().equals(request.requesterId())) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "Only the requesting AE answers the circle's questions");
		}
		requireText("answer", answer, 10_000);
		var now = clock.instant();
		var board = organisation.board(request.boardKey());
		request.resume(board.calendar(), slaPolicy(board.key()).basis(), now);
		save(request);
		requests.insert(id, new ThreadItems.Comment(UUID.randomUUID(), actor.person().id(),
				ThreadItems.Comment.Kind.REQUESTOR_ANSWER, answer.strip(), now));
		// the plan changed: the circle looks at question 1 again
		requests.answers(id).ifPresent(previous -> requests.saveAnswers(id, new ThreadItems.TriageAnswers(null,
				previous.understandsContext(), previous.leadTime(), previous.relatableExperience(), previous.note(),
				previous.answeredById(), now)));
		audit.record("sa-request.requestor-answered", "sa-request", id, null, Map.of("status", request.status().name()));
		var resumed = find(id);
		events.publishEvent(new SaRequestInformationProvided(id, request.requesterId(), request.circleId(), request.title(),
				resumed.triageDueAt(), resumed.slaDueAt()));
		return resumed;
	}

	@Transactional
	void review(UUID id, ThreadItems.Review.Verdict verdict, String note) {
		var actor = actors.current();
		var request = find(id);
		requireCircle(actor, request, "review the command plan");
		if (verdict == null) {
			throw BatonException.invalid("verdict", "is required: APPROVE or CONCERNS");
		}
		requests.saveReview(id, new ThreadItems.Review(actor.person().id(), verdict, note, clock.instant()));
		audit.record("sa-request.reviewed", "sa-request", id, note, Map.of("verdict", verdict.name()));
	}

	@Transactional
	void waiveSecondReview(UUID id, String reason) {
		var actor = actors.current();
		var request = find(id);
		requireCircle(actor, request, "waive the second review");
		requireText("reason", reason, 2_000);
		requests.saveWaiver(id, new ThreadItems.Waiver(actor.person().id(), reason.strip(), clock.instant()));
		audit.record("sa-request.second-review-waived", "sa-request", id, reason.strip(), Map.of());
	}

	@Transactional
	SaRequest decideApproval(UUID id, ThreadItems.Approval.Decision decision, String reason) {
		var actor = actors.current();
		var request = find(id);
		if (request.status() != RequestStatus.AWAITING_APPROVAL) {
			throw new BatonException(EngagementProblems.ILLEGAL_TRANSITION,
					"The request needs no approval: it is in " + request.status().label());
		}
		if (decision == null) {
			throw BatonException.invalid("decision", "is required: APPROVE or REJECT");
		}
		if (actor.person().id().equals(request.requesterId())) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "The requesting AE does not approve their own request");
		}
		var given = requests.approvals(id);
		var role = request.gate().approvers().stream()
				.filter(actor::has)
				.filter(r -> given.stream().noneMatch(a -> a.role() == r))
				.sorted().findFirst()
				.orElseThrow(() -> new BatonException(EngagementProblems.NOT_PERMITTED, "This request needs approval by "
						+ request.gate().approvers().stream().map(Enum::name).sorted().toList()
						+ " and none of your roles is still to approve"));
		if (given.stream().anyMatch(a -> a.approverId().equals(actor.person().id()))) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "Two different people approve; you did already");
		}
		if (decision == ThreadItems.Approval.Decision.REJECT) {
			requireText("reason", reason, 2_000);
		}
		var now = clock.instant();
		requests.insert(id, new ThreadItems.Approval(actor.person().id(), role, decision, reason, now));
		audit.record("sa-request.approval-" + decision.name().toLowerCase(), "sa-request", id, reason,
				Map.of("role", role.name()));
		if (decision == ThreadItems.Approval.Decision.REJECT) {
			request.decline("Not approved by the " + role.name() + ": " + reason.strip(), now);
			save(request);
			events.publishEvent(new SaRequestDeclined(id, request.requesterId(), request.circleId(), request.title(),
					request.declineReason(), actor.person().id()));
			return find(id);
		}
		var approvedRoles = EnumSet.of(role);
		given.stream().filter(a -> a.decision() == ThreadItems.Approval.Decision.APPROVE).forEach(a -> approvedRoles.add(a.role()));
		if (approvedRoles.containsAll(request.gate().approvers())) {
			var board = organisation.board(request.boardKey());
			var due = RequestClock.compute(board.calendar(), slaPolicy(board.key()), now, request.expedite(),
					request.details().firstMeeting().orElse(null));
			request.approved(due);
			save(request);
			audit.record("sa-request.approved", "sa-request", id, null, Map.of("triageDueAt", due.triageDueAt().toString()));
			events.publishEvent(new SaRequestFiled(id, request.opportunityId(), request.requesterId(), request.circleId(),
					request.boardKey(), request.title(), request.template(), request.fastTrack(), request.expedite(), false,
					due.triageDueAt(), due.slaDueAt(), request.details().firstMeeting().orElse(null)));
		}
		return find(id);
	}

	/**
	 * What the circle decides when it assigns a request; the web UI and the API both call
	 * {@link Engagement#assign(UUID, Assignment)} with it.
	 *
	 * @param assigneeId the SA who takes the request: a member of the request's circle, or an
	 * enabled SA of another circle of the same board (recorded as a cross-circle hand-off)
	 * @param assistId the main-assist from the circle, or null; required when the circle answered
	 * that it has no relatable experience
	 * @param recommendationRank the assignee's rank in the recommendations the circle looked at, 1
	 * for the top one; null when the SA was picked without looking at recommendations
	 * @param rankReason why the circle chose someone other than the top recommendation; required
	 * (not blank) when recommendationRank is above 1, at most 2000 characters
	 * @param expectedVersion the request version the caller read, or null to skip the check; a
	 * stale version answers 409
	 */
	record Assignment(UUID assigneeId, UUID assistId, Integer recommendationRank, String rankReason,
			Integer expectedVersion) {

		/** An assignment without recommendations, main-assist or version check. */
		static Assignment of(UUID assigneeId) {
			return new Assignment(assigneeId, null, null, null, null);
		}
	}

	@Transactional(readOnly = true)
	TriageDecision checkAssignment(UUID id, Assignment assignment) {
		var actor = actors.current();
		var loaded = load(id);
		return AssignmentPolicy.check(facts(loaded, actor, assignment, circlesFor(loaded.request(), assignment)));
	}

	@Transactional(readOnly = true)
	TriageDecision checkAssignment(UUID id, UUID assigneeId, UUID assistId) {
		return checkAssignment(id, new Assignment(assigneeId, assistId, null, null, null));
	}

	/**
	 * Assigns a New request under the circle's triage rules ({@link AssignmentPolicy}); the caller
	 * is a member of the request's circle or its manager. Records the recommendation rank and
	 * reason, audits, and publishes {@link SaRequestAssigned}. Refuses with 403 (not the circle),
	 * 409 (stale version, or no longer New) or 422 (a triage rule, with violations and field errors).
	 */
	@Transactional
	SaRequest assign(UUID id, Assignment assignment) {
		var actor = actors.current();
		// the request with its thread, and the request's and the assignee's circles: two statements
		var loaded = load(id);
		var request = loaded.request();
		var circles = circlesFor(request, assignment);
		requireCircle(actor, request, circles.request(), "assign it");
		var expectedVersion = assignment.expectedVersion();
		if (expectedVersion != null && expectedVersion != request.version()) {
			throw Versions.stale("SA request", id, expectedVersion);
		}
		if (assignment.recommendationRank() != null && assignment.recommendationRank() < 1) {
			throw BatonException.invalid("recommendationRank", "must be 1 (the top recommendation) or more");
		}
		if (assignment.rankReason() != null && assignment.rankReason().length() > 2_000) {
			throw BatonException.invalid("rankReason", "must be at most 2000 characters");
		}
		if (request.status() != RequestStatus.NEW) {
			// typically another SA won the race a moment ago: a conflict, not a rule
			throw new BatonException(EngagementProblems.ILLEGAL_TRANSITION, "Cannot assign it: the request is in "
					+ request.status().label() + (request.assigneeId() == null ? "" : " and assigned already"));
		}
		var facts = facts(loaded, actor, assignment, circles);
		refuseUnless(AssignmentPolicy.check(facts));
		var now = clock.instant();
		var reason = assignment.rankReason() == null || assignment.rankReason().isBlank() ? null
				: assignment.rankReason().strip();
		var assigneeCircle = facts.circle().memberIds().contains(assignment.assigneeId()) ? facts.circle()
				: facts.assigneeCircle();
		request.assign(assignment.assigneeId(), assignment.assistId(), assignment.recommendationRank(), reason,
				assigneeCircle.id(), now);
		var saved = requests.updateReturning(request)
				.orElseThrow(() -> Versions.stale("SA request", request.id(), request.version()));
		var details = assignmentDetails(request, actor);
		if (request.crossCircle()) {
			details.put("crossCircle", true);
			details.put("fromCircle", assigneeCircle.name());
		}
		audit.record("sa-request.assigned", "sa-request", id, reason, details);
		events.publishEvent(new SaRequestAssigned(id, request.requesterId(), request.circleId(), request.title(),
				assignment.assigneeId(), request.fastTrack(), request.recommendationRank(), reason, request.crossCircle()));
		return saved;
	}

	/**
	 * A hand-over of an assigned request to another SA; the UI and the API call
	 * {@link Engagement#reassign(UUID, Reassignment)} with it.
	 *
	 * @param assigneeId the SA who takes over: a member of the request's circle or an enabled SA of
	 * another circle of the same board, not the current assignee
	 * @param handOverNote what the new SA needs to know; required, at most 10000 characters; it goes
	 * on the request's thread and into the audit trail
	 * @param expectedVersion the request version the caller read, or null to skip the check
	 */
	record Reassignment(UUID assigneeId, String handOverNote, Integer expectedVersion) {
	}

	/**
	 * Hands an assigned request (SA Triaged, SA Doing, SA Followup, or SA Waiting with an assignee)
	 * to another SA without touching its clocks. Allowed for the current assignee, the SA manager of
	 * the request's circle or of the assignee's circle, the assignee's own manager, and admins.
	 * Writes the hand-over note to the thread and the audit trail and publishes
	 * {@link SaRequestReassigned}. Refuses with 403, 409 (stale version or not assigned) or 422.
	 */
	@Transactional
	SaRequest reassign(UUID id, Reassignment reassignment) {
		var actor = actors.current();
		var request = find(id);
		var circle = organisation.circle(request.circleId());
		var from = request.assigneeId();
		if (!mayReassign(actor, circle, from)) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "Only the assignee, their SA manager, the manager of "
					+ circle.name() + " or an admin hands this request over");
		}
		if (reassignment.expectedVersion() != null && reassignment.expectedVersion() != request.version()) {
			throw Versions.stale("SA request", id, reassignment.expectedVersion());
		}
		if (reassignment.assigneeId() == null) {
			throw BatonException.invalid("assigneeId", "is required");
		}
		requireText("handOverNote", reassignment.handOverNote(), 10_000);
		var assignee = organisation.findPerson(reassignment.assigneeId()).orElse(null);
		var assigneeCircle = organisation.circleOfMember(reassignment.assigneeId()).orElse(null);
		var violation = AssignmentPolicy.assignee(request, circle, reassignment.assigneeId(), assignee, assigneeCircle,
				assignee != null && actors.enabled(assignee));
		if (violation.isPresent()) {
			refuseUnless(new TriageDecision(false, List.of(violation.get())));
		}
		var now = clock.instant();
		var note = reassignment.handOverNote().strip();
		var toCircle = circle.memberIds().contains(reassignment.assigneeId()) ? circle : assigneeCircle;
		request.reassign(reassignment.assigneeId(), toCircle.id(), now);
		save(request);
		requests.insert(id, new ThreadItems.Comment(UUID.randomUUID(), actor.person().id(), ThreadItems.Comment.Kind.HAND_OVER,
				note, now));
		var details = new java.util.LinkedHashMap<String, Object>();
		details.put("from", from == null ? null : from.toString());
		details.put("to", reassignment.assigneeId().toString());
		details.put("by", actor.person().id().toString());
		details.put("handOverNote", note);
		details.put("crossCircle", request.crossCircle());
		if (request.crossCircle()) {
			details.put("toCircle", toCircle.name());
		}
		audit.record("sa-request.reassigned", "sa-request", id, note, details);
		events.publishEvent(new SaRequestReassigned(id, request.requesterId(), request.circleId(), request.title(), from,
				reassignment.assigneeId(), note, actor.person().id()));
		return find(id);
	}

	private boolean mayReassign(Actor actor, Circle circle, UUID assigneeId) {
		var me = actor.person().id();
		if (actor.has(Role.ADMIN) || me.equals(assigneeId) || me.equals(circle.managerId())) {
			return true;
		}
		if (assigneeId == null) {
			return false;
		}
		var assignee = organisation.findPerson(assigneeId).orElse(null);
		if (assignee != null && me.equals(assignee.managerId())) {
			return true;
		}
		return organisation.circleOfMember(assigneeId).map(c -> me.equals(c.managerId())).orElse(false);
	}

	private static void refuseUnless(TriageDecision decision) {
		if (decision.allowed()) {
			return;
		}
		var fields = new ArrayList<dev.baton.platform.FieldError>();
		for (var violation : decision.violations()) {
			var field = AssignmentPolicy.field(violation.rule());
			if (field != null) {
				fields.add(new dev.baton.platform.FieldError(field, violation.message()));
			}
		}
		throw new BatonException(EngagementProblems.TRIAGE_RULE, decision.violations().stream()
				.map(TriageDecision.Violation::message).collect(java.util.stream.Collectors.joining("; ")), fields,
				Map.of("violations", decision.violations()));
	}

	@Transactional
	SaRequest decline(UUID id, String reason) {
		var actor = actors.current();
		var request = find(id);
		requireCircle(actor, request, "decline it");
		requireText("reason", reason, 2_000);
		request.decline(reason.strip(), clock.instant());
		save(request);
		audit.record("sa-request.declined", "sa-request", id, reason.strip(), Map.of());
		events.publishEvent(new SaRequestDeclined(id, request.requesterId(), request.circleId(), request.title(),
				reason.strip(), actor.person().id()));
		return find(id);
	}

	@Transactional
	SaRequest moveTo(UUID id, RequestStatus target) {
		var actor = actors.current();
		var request = find(id);
		requireCircle(actor, request, "move it on the board");
		if (target == null) {
			throw BatonException.invalid("to", "is required");
		}
		var from = request.status();
		request.moveTo(target, clock.instant());
		save(request);
		audit.record("sa-request.moved", "sa-request", id, null, Map.of("from", from.name(), "to", target.name()));
		return find(id);
	}

	@Transactional
	SaRequest relabel(UUID id, Set<RequestLabel> labels) {
		var actor = actors.current();
		var request = find(id);
		requireCircle(actor, request, "change its labels");
		var requested = labels == null ? Set.<RequestLabel>of() : labels;
		var board = organisation.board(request.boardKey());
		var expedite = requested.contains(RequestLabel.EXPEDITE);
		var clocks = request.receivedAt() == null ? null : RequestClock.compute(board.calendar(), slaPolicy(board.key()),
				request.receivedAt(), expedite, request.details().firstMeeting().orElse(null));
		var before = request.labels();
		request.relabel(requested, clocks, clock.instant());
		save(request);
		audit.record("sa-request.relabelled", "sa-request", id, null, Map.of("from", names(before), "to", names(request.labels())));
		return find(id);
	}

	@Transactional(readOnly = true)
	SaRequest find(UUID id) {
		return requests.find(id).orElseThrow(() -> BatonException.notFound("SA request", id));
	}

	@Transactional(readOnly = true)
	Page<SaRequest> list(SaRequestRepository.Filter filter, Page.Request page) {
		return new Page<>(requests.find(filter, page.offset(), page.size()), page.page(), page.size(), requests.count(filter));
	}

	/** What the request page shows of engagement: the request, its thread and its board's SLA policy. */
	record RequestPage(SaRequest request, RequestThread thread, SlaPolicy policy) {
	}

	/** The request, its thread and its board's SLA policy, in one statement. */
	@Transactional(readOnly = true)
	RequestPage page(UUID id) {
		var loaded = requests.findWithThread(id).orElseThrow(() -> BatonException.notFound("SA request", id));
		return new RequestPage(loaded.request(), loaded.thread(),
				loaded.policy().orElseGet(() -> SlaPolicy.standard(loaded.request().boardKey())));
	}

	/** The page of the list that follows {@code after} (keyset pagination); {@code page} stays 0. */
	@Transactional(readOnly = true)
	Page<SaRequest> listAfter(SaRequestRepository.Filter filter, SaRequestRepository.Cursor after, int size) {
		return new Page<>(requests.findAfter(filter, after, size), 0, size, requests.count(filter));
	}

	@Transactional(readOnly = true)
	RequestThread thread(UUID id) {
		return new RequestThread(requests.comments(id), requests.answers(id).orElse(null), requests.reviews(id),
				requests.waiver(id).orElse(null), requests.approvals(id));
	}

	/** Everything on a request's thread. */
	record RequestThread(List<ThreadItems.Comment> comments, ThreadItems.TriageAnswers answers, List<ThreadItems.Review> reviews,
			ThreadItems.Waiver waiver, List<ThreadItems.Approval> approvals) {
	}

	@Transactional(readOnly = true)
	SlaPolicy slaPolicy(String boardKey) {
		return requests.slaPolicy(boardKey).orElseGet(() -> SlaPolicy.standard(boardKey));
	}

	@Transactional
	SlaPolicy updateSlaPolicy(SlaPolicy policy, int expectedVersion) {
		organisation.board(policy.boardKey());
		if (!requests.saveSlaPolicy(policy, expectedVersion)) {
			throw Versions.stale("SLA policy of board", policy.boardKey(), expectedVersion);
		}
		audit.record("sla-policy.updated", "board", policy.boardKey(), null, Map.of("basis", policy.basis().name(),
				"triageDays", policy.triageDays(),
				"activityDays", policy.activityDays(), "expediteTime", policy.expediteTime().toString(),
				"preparationBuffer", policy.preparationBuffer().toString()));
		return slaPolicy(policy.boardKey());
	}

	@Transactional(readOnly = true)
	RequestClock.DueTimes preview(String boardKey, Instant receivedAt, boolean expedite, Instant firstMeeting) {
		Board board = organisation.board(boardKey);
		return RequestClock.compute(board.calendar(), slaPolicy(boardKey), receivedAt == null ? clock.instant() : receivedAt,
				expedite, firstMeeting);
	}

	/** The request's circle, and the circle the assignee is a member of (null when none or no assignee). */
	private record Circles(Circle request, Circle assignee) {
	}

	private SaRequestRepository.Loaded load(UUID id) {
		return requests.findWithThread(id).orElseThrow(() -> BatonException.notFound("SA request", id));
	}

	/** The request's circle and the assignee's, in one statement. */
	private Circles circlesFor(SaRequest request, Assignment assignment) {
		var assigneeId = assignment.assigneeId();
		var circles = organisation.circlesByIdOrMember(List.of(request.circleId()),
				assigneeId == null ? List.of() : List.of(assigneeId));
		var own = circles.stream().filter(c -> c.id().equals(request.circleId())).findFirst()
				.orElseThrow(() -> BatonException.notFound("Circle", request.circleId()));
		var assignees = assigneeId == null ? null
				: circles.stream().filter(c -> c.memberIds().contains(assigneeId)).findFirst().orElse(null);
		return new Circles(own, assignees);
	}

	private AssignmentPolicy.Facts facts(SaRequestRepository.Loaded loaded, Actor actor, Assignment assignment, Circles circles) {
		var request = loaded.request();
		var thread = loaded.thread();
		var assigneeId = assignment.assigneeId();
		var assignee = assigneeId == null ? null : organisation.findPerson(assigneeId).orElse(null);
		return new AssignmentPolicy.Facts(request, circles.request(), thread.comments(), thread.answers(),
				thread.reviews(), thread.waiver(), actor.person().id(), assigneeId, assignment.assistId(),
				assignment.recommendationRank(), assignment.rankReason(), assignee, circles.assignee(),
				assignee != null && actors.enabled(assignee));
	}

	private Circle requireCircle(Actor actor, SaRequest request, String what) {
		return requireCircle(actor, request, organisation.circle(request.circleId()), what);
	}

	private Circle requireCircle(Actor actor, SaRequest request, Circle circle, String what) {
		if (actor.person().id().equals(request.requesterId())) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED, "The requesting AE does not " + what);
		}
		var me = actor.person().id();
		// an SA of another circle who took the request over works it like a member
		if (!AssignmentPolicy.isCircle(circle, me) && !me.equals(request.assigneeId()) && !me.equals(request.assistId())) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED,
					"Only members of " + circle.name() + " or its manager " + what);
		}
		return circle;
	}

	private void save(SaRequest request) {
		if (!requests.update(request)) {
			throw Versions.stale("SA request", request.id(), request.version());
		}
	}

	private static java.util.LinkedHashMap<String, Object> assignmentDetails(SaRequest request, Actor actor) {
		var details = new java.util.LinkedHashMap<String, Object>();
		details.put("assignee", request.assigneeId().toString());
		details.put("assignedBy", actor.person().id().toString());
		details.put("selfAssigned", request.assigneeId().equals(actor.person().id()));
		details.put("fastTrack", request.fastTrack());
		if (request.assistId() != null) {
			details.put("assist", request.assistId().toString());
		}
		details.put("recommendationRank", request.recommendationRank());
		if (request.rankReason() != null) {
			details.put("rankReason", request.rankReason());
		}
		return details;
	}

	private static List<String> names(Set<RequestLabel> labels) {
		return labels.stream().map(Enum::name).sorted().toList();
	}

	private static void requireText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw BatonException.invalid(field, "is required");
		}
		if (value.length() > max) {
			throw BatonException.invalid(field, "must be at most " + max + " characters");
		}
	}
}
