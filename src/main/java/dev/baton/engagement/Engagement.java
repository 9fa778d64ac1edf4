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
import dev.baton.engagement.domain.AssignmentPolicy;
import dev.baton.engagement.domain.CommandPlanCheck;
import dev.baton.engagement.domain.RequestClock;
import dev.baton.engagement.domain.RequestPermissions;
import dev.baton.engagement.domain.SaRequest;
import dev.baton.engagement.domain.SegmentPolicy;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.domain.TemplateRequirements;
import dev.baton.engagement.domain.ThreadItems;
import dev.baton.engagement.jdbc.SaRequestRepository;
import dev.baton.identity.UserDirectory;
import dev.baton.identity.UserId;
import dev.baton.organisation.Board;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Page;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs SA requests through intake, triage and delivery under the circle's rules; every change
 * is audited and announced as an event in the same transaction.
 */
@Service
public class Engagement {

	private final SaRequestRepository requests;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final CallContexts callers;
	private final UserDirectory users;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MeterRegistry meters;

	Engagement(SaRequestRepository requests, Organisation organisation, Pipeline pipeline, CallContexts callers, UserDirectory users, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.requests = requests;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.callers = callers;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.meters = meters;
	}

	/** What an AE files. */
	public record Filing(UUID opportunityId, RequestTemplate template, Set<RequestLabel> labels, RequestDetails details) {
	}

	@Transactional
	public SaRequest file(Filing filing) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		RequestPermissions.mayFile(caller).orThrow(EngagementProblems.NOT_PERMITTED);
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
		var opportunity = pipeline.opportunity(OpportunityId.of(filing.opportunityId()));
		if (!opportunity.ownerId().equals(caller.personId())) {
			throw new BatonException(EngagementProblems.NOT_PERMITTED,
					"Only the opportunity's owner files SA requests for it");
		}
		if (opportunity.stage().isClosed()) {
			throw BatonException.invalid("opportunityId", "the opportunity is " + opportunity.stage().label());
		}
		var circle = organisation.circleServing(PersonId.of(caller.personId())).orElseThrow(() -> new BatonException(
				EngagementProblems.NO_CIRCLE, "No circle serves " + caller.person().name()));
		var board = organisation.board(circle.boardKey());
		var policy = slaPolicy(board.key());
		var now = clock.instant();
		var firstMeeting = filing.details().firstMeeting().orElse(null);
		var assessment = SegmentPolicy.assess(opportunity.segment(), opportunity.stage(), opportunity.closeDate(),
				CommandPlanCheck.missingParts(opportunity.commandPlan()), filing.details().customPitchDeck(),
				LocalDate.ofInstant(now, board.calendar().zone()),
				firstMeeting == null ? null : LocalDate.ofInstant(firstMeeting, board.calendar().zone()));
		var due = RequestClock.compute(board.calendar(), policy, now, labels.contains(RequestLabel.EXPEDITE), firstMeeting);
		var account = pipeline.account(AccountId.of(opportunity.accountId()));
		// the number is taken last, once every check passed: a refused filing costs no number
		var number = requests.nextNumber(board.key());
		var request = SaRequest.file(new SaRequest.Intake(SaRequestId.random(), opportunity.id(), caller.personId(),
				circle.id(), board.key(), filing.template(), account.name() + ": " + filing.template().label(),
				filing.details(), number.reference()), assessment, due, labels);
		var awaiting = request.status() == RequestStatus.AWAITING_APPROVAL;
		requests.insert(request);
		audit.record("sa-request.filed", "sa-request", request.id(), null, Map.of("reference", request.reference(),
				"opportunity", opportunity.externalId(),
				"template", request.template().name(), "circle", circle.name(), "fastTrack", request.fastTrack(),
				"status", request.status().name()));
		meters.counter("baton.sa_requests.filed", "board", board.key(), "fast_track", String.valueOf(request.fastTrack()))
				.increment();
		events.publishEvent(new SaRequestFiled(request.id().value(), opportunity.id(), caller.personId(), circle.id(), board.key(),
				request.title(), request.template(), request.fastTrack(), request.expedite(), awaiting,
				request.triageDueAt(), request.slaDueAt(), firstMeeting));
		return request;
	}

	/** Files a request and answers its id: for other modules, which do not see the aggregate. */
	@Transactional
	public SaRequestId fileRequest(Filing filing) {
		return file(filing).id();
	}

	@Transactional
	public void comment(SaRequestId id, String body) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		var circle = organisation.circle(CircleId.of(request.circleId()));
		RequestPermissions.mayComment(caller, request, circle).orThrow(EngagementProblems.NOT_PERMITTED);
		requireText("body", body, 10_000);
		var comment = new ThreadItems.Comment(UUID.randomUUID(), caller.personId(), ThreadItems.Comment.Kind.DISCUSSION,
				body.strip(), clock.instant());
		requests.insert(id, comment);
		audit.record("sa-request.commented", "sa-request", id, null, Map.of("comment", comment.id().toString()));
	}

	/** The circle's answers, and the questions for the AE when the command plan is incomplete. */
	public record Answers(Boolean commandPlanComplete, Boolean understandsContext, Boolean leadTime,
			Boolean relatableExperience, String note, String questionsForRequestor) {
	}

	@Transactional
	public SaRequest answerQuestions(SaRequestId id, Answers answers) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		var circle = organisation.circle(CircleId.of(request.circleId()));
		RequestPermissions.mayAnswerQuestions(caller, request, circle).orThrow(EngagementProblems.NOT_PERMITTED);
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
		request.requireNew("answer the 4 questions");
		var now = clock.instant();
		requests.saveAnswers(id, new ThreadItems.TriageAnswers(answers.commandPlanComplete(), answers.understandsContext(),
				answers.leadTime(), answers.relatableExperience(), answers.note(), caller.personId(), now));
		audit.record("sa-request.questions-answered", "sa-request", id, null, Map.of(
				"commandPlanComplete", answers.commandPlanComplete(), "understandsContext", answers.understandsContext(),
				"leadTime", answers.leadTime(), "relatableExperience", answers.relatableExperience()));
		if (incomplete) {
			request.waitForRequestor(now);
			save(request);
			requests.insert(id, new ThreadItems.Comment(UUID.randomUUID(), caller.personId(),
					ThreadItems.Comment.Kind.QUESTIONS_TO_REQUESTOR, answers.questionsForRequestor().strip(), now));
			audit.record("sa-request.waiting-for-requestor", "sa-request", id, null, Map.of("circle", circle.name()));
			events.publishEvent(new SaRequestNeedsInformation(id.value(), request.requesterId(), request.circleId(), request.title(),
					answers.questionsForRequestor().strip(), caller.personId()));
		}
		return find(id);
	}

	@Transactional
	public SaRequest answerAsRequestor(SaRequestId id, String answer) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		RequestPermissions.mayAnswerAsRequestor(caller, request).orThrow(EngagementProblems.NOT_PERMITTED);
		requireText("answer", answer, 10_000);
		var now = clock.instant();
		var board = organisation.board(request.boardKey());
		request.resume(board.calendar(), slaPolicy(board.key()).basis(), now);
		save(request);
		requests.insert(id, new ThreadItems.Comment(UUID.randomUUID(), caller.personId(),
				ThreadItems.Comment.Kind.REQUESTOR_ANSWER, answer.strip(), now));
		// the plan changed: the circle looks at question 1 again
		requests.answers(id).ifPresent(previous -> requests.saveAnswers(id, new ThreadItems.TriageAnswers(null,
				previous.understandsContext(), previous.leadTime(), previous.relatableExperience(), previous.note(),
				previous.answeredById(), now)));
		audit.record("sa-request.requestor-answered", "sa-request", id, null, Map.of("status", request.status().name()));
		var resumed = find(id);
		events.publishEvent(new SaRequestInformationProvided(id.value(), request.requesterId(), request.circleId(), request.title(),
				resumed.triageDueAt(), resumed.slaDueAt()));
		return resumed;
	}

	/** Records the caller's review; false when it replaced their earlier one (a person's review counts once). */
	@Transactional
	public boolean review(SaRequestId id, ReviewVerdict verdict, String note) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		RequestPermissions.mayReview(caller, request, organisation.circle(CircleId.of(request.circleId())))
				.orThrow(EngagementProblems.NOT_PERMITTED);
		if (verdict == null) {
			throw BatonException.invalid("verdict", "is required: APPROVE or CONCERNS");
		}
		var first = requests.saveReview(id, new ThreadItems.Review(caller.personId(), verdict, note, clock.instant()));
		audit.record("sa-request.reviewed", "sa-request", id, note, Map.of("verdict", verdict.name(), "replaced", !first));
		return first;
	}

	@Transactional
	public void waiveSecondReview(SaRequestId id, String reason) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		RequestPermissions.mayWaive(caller, request, organisation.circle(CircleId.of(request.circleId())))
				.orThrow(EngagementProblems.NOT_PERMITTED);
		requireText("reason", reason, 2_000);
		requests.saveWaiver(id, new ThreadItems.Waiver(caller.personId(), reason.strip(), clock.instant()));
		audit.record("sa-request.second-review-waived", "sa-request", id, reason.strip(), Map.of());
	}

	@Transactional
	public SaRequest decideApproval(SaRequestId id, ApprovalDecision decision, String reason) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		if (request.status() != RequestStatus.AWAITING_APPROVAL) {
			throw new BatonException(EngagementProblems.ILLEGAL_TRANSITION,
					"The request needs no approval: it is in " + request.status().label());
		}
		if (decision == null) {
			throw BatonException.invalid("decision", "is required: APPROVE or REJECT");
		}
		var given = requests.approvals(id);
		RequestPermissions.mayApprove(caller, request, given).orThrow(EngagementProblems.NOT_PERMITTED);
		var role = RequestPermissions.approvingRole(caller, request, given).orElseThrow();
		if (decision == ApprovalDecision.REJECT) {
			requireText("reason", reason, 2_000);
		}
		var now = clock.instant();
		requests.insert(id, new ThreadItems.Approval(caller.personId(), role, decision, reason, now));
		audit.record("sa-request.approval-" + decision.name().toLowerCase(), "sa-request", id, reason,
				Map.of("role", role.name()));
		if (decision == ApprovalDecision.REJECT) {
			request.decline("Not approved by the " + role.name() + ": " + reason.strip(), now);
			save(request);
			events.publishEvent(new SaRequestDeclined(id.value(), request.requesterId(), request.circleId(), request.title(),
					request.declineReason(), caller.personId()));
			return find(id);
		}
		var approvedRoles = EnumSet.of(role);
		given.stream().filter(a -> a.decision() == ApprovalDecision.APPROVE).forEach(a -> approvedRoles.add(a.role()));
		if (approvedRoles.containsAll(request.gate().approvers())) {
			var board = organisation.board(request.boardKey());
			var due = RequestClock.compute(board.calendar(), slaPolicy(board.key()), now, request.expedite(),
					request.details().firstMeeting().orElse(null));
			request.approved(due);
			save(request);
			audit.record("sa-request.approved", "sa-request", id, null, Map.of("triageDueAt", due.triageDueAt().toString()));
			events.publishEvent(new SaRequestFiled(id.value(), request.opportunityId(), request.requesterId(), request.circleId(),
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
	public record Assignment(UUID assigneeId, UUID assistId, Integer recommendationRank, String rankReason,
			Integer expectedVersion) {

		/** An assignment without recommendations, main-assist or version check. */
		public static Assignment of(UUID assigneeId) {
			return new Assignment(assigneeId, null, null, null, null);
		}
	}

	@Transactional(readOnly = true)
	public Decision checkAssignment(SaRequestId id, Assignment assignment) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var loaded = load(id);
		return AssignmentPolicy.check(facts(loaded, caller, assignment, circlesFor(loaded.request(), assignment)));
	}

	/**
	 * Assigns a New request under the circle's triage rules ({@link AssignmentPolicy}); the caller
	 * is a member of the request's circle or its manager. Records the recommendation rank and
	 * reason, audits, and publishes {@link SaRequestAssigned}. Refuses with 403 (not the circle),
	 * 409 (stale version, or no longer New) or 422 (a triage rule, with violations and field errors).
	 */
	@Transactional
	public SaRequest assign(SaRequestId id, Assignment assignment) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		// the request with its thread, and the request's and the assignee's circles: two statements
		var loaded = load(id);
		var request = loaded.request();
		var circles = circlesFor(request, assignment);
		RequestPermissions.mayAssign(caller, request, circles.request()).orThrow(EngagementProblems.NOT_PERMITTED);
		var expectedVersion = assignment.expectedVersion();
		if (expectedVersion != null && expectedVersion != request.version()) {
			throw Versions.stale("SA request", id.value(), expectedVersion);
		}
		if (assignment.recommendationRank() != null && assignment.recommendationRank() < 1) {
			throw BatonException.invalid("recommendationRank", "must be 1 (the top recommendation) or more");
		}
		if (assignment.rankReason() != null && assignment.rankReason().length() > 2_000) {
			throw BatonException.invalid("rankReason", "must be at most 2000 characters");
		}
		// typically another SA won the race a moment ago: a conflict, not a rule
		request.requireNew("assign it");
		var facts = facts(loaded, caller, assignment, circles);
		AssignmentPolicy.check(facts).orThrow(EngagementProblems.TRIAGE_RULE);
		var now = clock.instant();
		var reason = assignment.rankReason() == null || assignment.rankReason().isBlank() ? null
				: assignment.rankReason().strip();
		var assigneeCircle = facts.circle().memberIds().contains(assignment.assigneeId()) ? facts.circle()
				: facts.assigneeCircle();
		request.assign(assignment.assigneeId(), assignment.assistId(), assignment.recommendationRank(), reason,
				assigneeCircle.id(), now);
		var saved = requests.updateReturning(request)
				.orElseThrow(() -> Versions.stale("SA request", request.id().value(), request.version()));
		var details = assignmentDetails(request, caller);
		if (request.crossCircle()) {
			details.put("crossCircle", true);
			details.put("fromCircle", assigneeCircle.name());
		}
		audit.record("sa-request.assigned", "sa-request", id, reason, details);
		events.publishEvent(new SaRequestAssigned(id.value(), request.requesterId(), request.circleId(), request.title(),
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
	public record Reassignment(UUID assigneeId, String handOverNote, Integer expectedVersion) {
	}

	/**
	 * Hands an assigned request (SA Triaged, SA Doing, SA Followup, or SA Waiting with an assignee)
	 * to another SA without touching its clocks. Allowed for the current assignee, the SA manager of
	 * the request's circle or of the assignee's circle, the assignee's own manager, and admins.
	 * Writes the hand-over note to the thread and the audit trail and publishes
	 * {@link SaRequestReassigned}. Refuses with 403, 409 (stale version or not assigned) or 422.
	 */
	@Transactional
	public SaRequest reassign(SaRequestId id, Reassignment reassignment) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		var circle = organisation.circle(CircleId.of(request.circleId()));
		var from = request.assigneeId();
		var current = from == null ? null : organisation.findPerson(PersonId.of(from)).orElse(null);
		var currentCircle = from == null ? null : organisation.circleOfMember(PersonId.of(from)).orElse(null);
		RequestPermissions.mayReassign(caller, request, circle, current, currentCircle)
				.orThrow(EngagementProblems.NOT_PERMITTED);
		if (reassignment.expectedVersion() != null && reassignment.expectedVersion() != request.version()) {
			throw Versions.stale("SA request", id.value(), reassignment.expectedVersion());
		}
		if (reassignment.assigneeId() == null) {
			throw BatonException.invalid("assigneeId", "is required");
		}
		requireText("handOverNote", reassignment.handOverNote(), 10_000);
		var assignee = organisation.findPerson(PersonId.of(reassignment.assigneeId())).orElse(null);
		var assigneeCircle = organisation.circleOfMember(PersonId.of(reassignment.assigneeId())).orElse(null);
		AssignmentPolicy.assignee(request, circle, reassignment.assigneeId(), assignee, assigneeCircle,
				assignee != null && enabled(assignee)).orThrow(EngagementProblems.TRIAGE_RULE);
		var now = clock.instant();
		var note = reassignment.handOverNote().strip();
		var toCircle = circle.memberIds().contains(reassignment.assigneeId()) ? circle : assigneeCircle;
		request.reassign(reassignment.assigneeId(), toCircle.id(), now);
		save(request);
		requests.insert(id, new ThreadItems.Comment(UUID.randomUUID(), caller.personId(), ThreadItems.Comment.Kind.HAND_OVER,
				note, now));
		var details = new java.util.LinkedHashMap<String, Object>();
		details.put("from", from == null ? null : from.toString());
		details.put("to", reassignment.assigneeId().toString());
		details.put("by", caller.personId().toString());
		details.put("handOverNote", note);
		details.put("crossCircle", request.crossCircle());
		if (request.crossCircle()) {
			details.put("toCircle", toCircle.name());
		}
		audit.record("sa-request.reassigned", "sa-request", id, note, details);
		events.publishEvent(new SaRequestReassigned(id.value(), request.requesterId(), request.circleId(), request.title(), from,
				reassignment.assigneeId(), note, caller.personId()));
		return find(id);
	}

	@Transactional
	public SaRequest decline(SaRequestId id, String reason) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		RequestPermissions.mayDecline(caller, request, organisation.circle(CircleId.of(request.circleId())))
				.orThrow(EngagementProblems.NOT_PERMITTED);
		requireText("reason", reason, 2_000);
		request.decline(reason.strip(), clock.instant());
		save(request);
		audit.record("sa-request.declined", "sa-request", id, reason.strip(), Map.of());
		events.publishEvent(new SaRequestDeclined(id.value(), request.requesterId(), request.circleId(), request.title(),
				reason.strip(), caller.personId()));
		return find(id);
	}

	@Transactional
	public SaRequest moveTo(SaRequestId id, RequestStatus target) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		RequestPermissions.mayMove(caller, request, organisation.circle(CircleId.of(request.circleId())), "move it on the board")
				.orThrow(EngagementProblems.NOT_PERMITTED);
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
	public SaRequest relabel(SaRequestId id, Set<RequestLabel> labels) {
		var caller = callers.person(EngagementProblems.NOT_PERMITTED);
		var request = find(id);
		RequestPermissions.mayMove(caller, request, organisation.circle(CircleId.of(request.circleId())), "change its labels")
				.orThrow(EngagementProblems.NOT_PERMITTED);
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
	public SaRequest find(SaRequestId id) {
		return requests.find(id).orElseThrow(() -> BatonException.notFound("SA request", id.value()));
	}

	@Transactional(readOnly = true)
	public Page<SaRequest> list(SaRequestRepository.Filter filter, Page.Request page) {
		return new Page<>(requests.find(filter, page.offset(), page.size()), page.page(), page.size(), requests.count(filter));
	}

	/** What the request page shows of engagement: the request, its thread and its board's SLA policy. */
	public record RequestPage(SaRequest request, RequestThread thread, SlaPolicy policy) {
	}

	/** The request, its thread and its board's SLA policy, in one statement. */
	@Transactional(readOnly = true)
	public RequestPage page(SaRequestId id) {
		var loaded = requests.findWithThread(id).orElseThrow(() -> BatonException.notFound("SA request", id.value()));
		return new RequestPage(loaded.request(), loaded.thread(),
				loaded.policy().orElseGet(() -> SlaPolicy.standard(loaded.request().boardKey())));
	}

	/** The page of the list that follows {@code after} (keyset pagination); {@code page} stays 0. */
	@Transactional(readOnly = true)
	public Page<SaRequest> listAfter(SaRequestRepository.Filter filter, SaRequestRepository.Cursor after, int size) {
		return new Page<>(requests.findAfter(filter, after, size), 0, size, requests.count(filter));
	}

	@Transactional(readOnly = true)
	public RequestThread thread(SaRequestId id) {
		return new RequestThread(requests.comments(id), requests.answers(id).orElse(null), requests.reviews(id),
				requests.waiver(id).orElse(null), requests.approvals(id));
	}

	/** Everything on a request's thread. */
	public record RequestThread(List<ThreadItems.Comment> comments, ThreadItems.TriageAnswers answers, List<ThreadItems.Review> reviews,
			ThreadItems.Waiver waiver, List<ThreadItems.Approval> approvals) {
	}

	@Transactional(readOnly = true)
	public SlaPolicy slaPolicy(String boardKey) {
		return requests.slaPolicy(boardKey).orElseGet(() -> SlaPolicy.standard(boardKey));
	}

	@Transactional
	public SlaPolicy updateSlaPolicy(SlaPolicy policy, int expectedVersion) {
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
	public RequestClock.DueTimes preview(String boardKey, Instant receivedAt, boolean expedite, Instant firstMeeting) {
		Board board = organisation.board(boardKey);
		return RequestClock.compute(board.calendar(), slaPolicy(boardKey), receivedAt == null ? clock.instant() : receivedAt,
				expedite, firstMeeting);
	}

	/** The request's circle, and the circle the assignee is a member of (null when none or no assignee). */
	private record Circles(Circle request, Circle assignee) {
	}

	private SaRequestRepository.Loaded load(SaRequestId id) {
		return requests.findWithThread(id).orElseThrow(() -> BatonException.notFound("SA request", id.value()));
	}

	/** The request's circle and the assignee's, in one statement. */
	private Circles circlesFor(SaRequest request, Assignment assignment) {
		var assigneeId = assignment.assigneeId();
		var circles = organisation.circlesByIdOrMember(List.of(CircleId.of(request.circleId())),
				assigneeId == null ? List.of() : List.of(PersonId.of(assigneeId)));
		var own = circles.stream().filter(c -> c.id().equals(request.circleId())).findFirst()
				.orElseThrow(() -> BatonException.notFound("Circle", request.circleId()));
		var assignees = assigneeId == null ? null
				: circles.stream().filter(c -> c.memberIds().contains(assigneeId)).findFirst().orElse(null);
		return new Circles(own, assignees);
	}

	private AssignmentPolicy.Facts facts(SaRequestRepository.Loaded loaded, CallContext caller, Assignment assignment,
			Circles circles) {
		var request = loaded.request();
		var thread = loaded.thread();
		var assigneeId = assignment.assigneeId();
		var assignee = assigneeId == null ? null : organisation.findPerson(PersonId.of(assigneeId)).orElse(null);
		return new AssignmentPolicy.Facts(request, circles.request(), thread.comments(), thread.answers(),
				thread.reviews(), thread.waiver(), caller.personId(), assigneeId, assignment.assistId(),
				assignment.recommendationRank(), assignment.rankReason(), assignee, circles.assignee(),
				assignee != null && enabled(assignee));
	}

	/** False when the person has a login and it is disabled; a person without a login is not refused. */
	private boolean enabled(Person person) {
		if (person.userId() == null) {
			return true;
		}
		try {
			return users.find(UserId.of(person.userId())).enabled();
		}
		catch (BatonException e) {
			return false;
		}
	}

	private void save(SaRequest request) {
		if (!requests.update(request)) {
			throw Versions.stale("SA request", request.id().value(), request.version());
		}
	}

	private static java.util.LinkedHashMap<String, Object> assignmentDetails(SaRequest request, CallContext caller) {
		var details = new java.util.LinkedHashMap<String, Object>();
		details.put("assignee", request.assigneeId().toString());
		details.put("assignedBy", caller.personId().toString());
		details.put("selfAssigned", request.assigneeId().equals(caller.personId()));
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
