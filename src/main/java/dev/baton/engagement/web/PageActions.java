package dev.baton.engagement.web;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.Engagement;
import dev.baton.engagement.EngagementProblems;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.domain.RequestClock;
import dev.baton.engagement.domain.SaRequest;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.CallContexts;

/**
 * The web pages' only way into the engagement service, so that a change to a service method is
 * adapted in one place; each method hands the form's values through unchanged.
 */
@Component
class PageActions {

	private final Engagement engagement;
	private final CallContexts callers;

	PageActions(Engagement engagement, CallContexts callers) {
		this.engagement = engagement;
		this.callers = callers;
	}

	/** The signed-in caller, who must be a person of the organisation. */
	CallContext caller() {
		return callers.person(EngagementProblems.NOT_PERMITTED);
	}

	/** The signed-in caller, with or without a person (such as the bootstrap admin). */
	Optional<CallContext> callerIfAny() {
		return callers.currentIfAny();
	}

	SaRequest find(SaRequestId id) {
		return engagement.find(id);
	}

	Engagement.RequestPage page(SaRequestId id) {
		return engagement.page(id);
	}

	Engagement.RequestThread thread(SaRequestId id) {
		return engagement.thread(id);
	}

	SlaPolicy slaPolicy(String boardKey) {
		return engagement.slaPolicy(boardKey);
	}

	RequestClock.DueTimes preview(String boardKey, boolean expedite, Instant firstMeeting) {
		return engagement.preview(boardKey, null, expedite, firstMeeting);
	}

	SaRequest file(Engagement.Filing filing) {
		return engagement.file(filing);
	}

	void comment(SaRequestId id, String body) {
		engagement.comment(id, body);
	}

	void answerQuestions(SaRequestId id, Engagement.Answers answers) {
		engagement.answerQuestions(id, answers);
	}

	void answerAsRequestor(SaRequestId id, String answer) {
		engagement.answerAsRequestor(id, answer);
	}

	void review(SaRequestId id, ReviewVerdict verdict, String note) {
		engagement.review(id, verdict, note);
	}

	void waive(SaRequestId id, String reason) {
		engagement.waiveSecondReview(id, reason);
	}

	void decideApproval(SaRequestId id, ApprovalDecision decision, String reason) {
		engagement.decideApproval(id, decision, reason);
	}

	void assign(SaRequestId id, Engagement.Assignment assignment) {
		engagement.assign(id, assignment);
	}

	void decline(SaRequestId id, String reason) {
		engagement.decline(id, reason);
	}

	void moveTo(SaRequestId id, RequestStatus target) {
		engagement.moveTo(id, target);
	}

	void relabel(SaRequestId id, Set<RequestLabel> labels) {
		engagement.relabel(id, labels);
	}
}
