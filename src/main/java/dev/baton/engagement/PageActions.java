package dev.baton.engagement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The web pages' only way into the engagement service, so that a change to a service method is
 * adapted in one place; each method hands the form's values through unchanged.
 */
@Component
class PageActions {

	private final Engagement engagement;
	private final Actors actors;

	PageActions(Engagement engagement, Actors actors) {
		this.engagement = engagement;
		this.actors = actors;
	}

	Actor actor() {
		return actors.current();
	}

	/** The signed-in person, or empty for a login without one (such as the bootstrap admin). */
	java.util.Optional<Actor> actorIfAny() {
		try {
			return java.util.Optional.of(actors.current());
		}
		catch (dev.baton.platform.BatonException noPerson) {
			return java.util.Optional.empty();
		}
	}

	SaRequest find(UUID id) {
		return engagement.find(id);
	}

	Engagement.RequestPage page(UUID id) {
		return engagement.page(id);
	}

	Engagement.RequestThread thread(UUID id) {
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

	void comment(UUID id, String body) {
		engagement.comment(id, body);
	}

	void answerQuestions(UUID id, Engagement.Answers answers) {
		engagement.answerQuestions(id, answers);
	}

	void answerAsRequestor(UUID id, String answer) {
		engagement.answerAsRequestor(id, answer);
	}

	void review(UUID id, ThreadItems.Review.Verdict verdict, String note) {
		engagement.review(id, verdict, note);
	}

	void waive(UUID id, String reason) {
		engagement.waiveSecondReview(id, reason);
	}

	void decideApproval(UUID id, ThreadItems.Approval.Decision decision, String reason) {
		engagement.decideApproval(id, decision, reason);
	}

	TriageDecision check(UUID id, UUID assigneeId, UUID assistId) {
		return engagement.checkAssignment(id, assigneeId, assistId);
	}

	void assign(UUID id, Engagement.Assignment assignment) {
		engagement.assign(id, assignment);
	}

	void decline(UUID id, String reason) {
		engagement.decline(id, reason);
	}

	void moveTo(UUID id, RequestStatus target) {
		engagement.moveTo(id, target);
	}

	void relabel(UUID id, Set<RequestLabel> labels) {
		engagement.relabel(id, labels);
	}
}
