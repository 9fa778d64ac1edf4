package dev.baton.engagement.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.baton.engagement.EngagementRule;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.identity.Role;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Person;
import dev.baton.platform.Decision;

/**
 * The circle's triage rules for assigning a request, each a named rule that says why it refuses:
 * <ol>
 * <li>{@code triage.status}: only a request on the board (New) is assigned.</li>
 * <li>{@code triage.actor}: a circle member or the circle's manager assigns; the requesting AE never does.</li>
 * <li>{@code triage.assignee}: the assignee is a member of the circle, or an enabled SA of another
 * circle of the same board who is not the requester (a cross-circle hand-off).</li>
 * <li>{@code triage.discussion}: the thread holds the circle's discussion; self-assignment needs a
 * comment from another circle member or the manager. Fast Track is exempt.</li>
 * <li>{@code triage.four-questions}: the 4 questions are answered and the command plan is complete.</li>
 * <li>{@code triage.main-assist}: without relatable experience, a main-assist from the circle is named.</li>
 * <li>{@code triage.second-review}: two different reviewers approved the command plan (the manager
 * counts; the AE does not), or the circle recorded a waiver. Fast Track is exempt.</li>
 * <li>{@code triage.recommendation}: choosing someone other than the top recommendation (a rank
 * above 1) needs a reason.</li>
 * </ol>
 */
public final class AssignmentPolicy {

	private AssignmentPolicy() {
	}

	/**
	 * Everything the rules look at.
	 *
	 * @param assignee the assignee as a person, null when unknown
	 * @param assigneeCircle the circle the assignee is a member of, null when none
	 * @param assigneeEnabled false when the assignee's login is disabled
	 */
	public record Facts(SaRequest request, Circle circle, List<ThreadItems.Comment> comments, ThreadItems.TriageAnswers answers,
			List<ThreadItems.Review> reviews, ThreadItems.Waiver waiver, UUID actorId, UUID assigneeId, UUID assistId,
			Integer recommendationRank, String rankReason, Person assignee, Circle assigneeCircle,
			boolean assigneeEnabled) {
	}

	public static Decision check(Facts facts) {
		var refusals = new ArrayList<Decision.Refusal>();
		var request = facts.request();
		var circle = facts.circle();
		refusals.addAll(request.newForTriage("assign it").refusals());
		if (facts.actorId() == null || facts.actorId().equals(request.requesterId())) {
			refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_ACTOR, "The requesting AE does not assign their own request"));
		} else if (!isCircle(circle, facts.actorId())) {
			refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_ACTOR,
					"Only members of " + circle.name() + " or its manager assign its requests"));
		}
		refusals.addAll(assignee(request, circle, facts.assigneeId(), facts.assignee(), facts.assigneeCircle(),
				facts.assigneeEnabled()).refusals());
		if (facts.recommendationRank() != null && facts.recommendationRank() > 1
				&& (facts.rankReason() == null || facts.rankReason().isBlank())) {
			refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_RECOMMENDATION, "The assignee is recommendation "
					+ facts.recommendationRank() + ", not the top one: say why in rankReason"));
		}
		var fastTrack = request.fastTrack();
		if (!fastTrack) {
			discussion(facts, refusals);
		}
		var answers = facts.answers();
		refusals.addAll(questions(answers).refusals());
		if (answers != null && answers.complete()) {
			if (Boolean.FALSE.equals(answers.relatableExperience())) {
				if (facts.assistId() == null) {
					refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_MAIN_ASSIST,
							"Without relatable experience, name a main-assist from the circle"));
				} else if (!circle.memberIds().contains(facts.assistId()) || facts.assistId().equals(facts.assigneeId())) {
					refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_MAIN_ASSIST,
							"The main-assist must be another member of " + circle.name()));
				}
			}
		}
		refusals.addAll(secondReview(request, circle, facts.reviews(), facts.waiver()).refusals());
		return Decision.of(refusals);
	}

	/** One step of triage, in the order the circle takes them, with the rule that decides it. */
	public enum Step {
		/** The circle discussed it on the thread ({@code triage.discussion}). */
		DISCUSSED(EngagementRule.TRIAGE_DISCUSSION),
		/** The 4 questions are answered and the plan is complete ({@code triage.four-questions}). */
		FOUR_QUESTIONS(EngagementRule.TRIAGE_FOUR_QUESTIONS),
		/** Two reviews or a waiver ({@code triage.second-review}). */
		SECOND_REVIEW(EngagementRule.TRIAGE_SECOND_REVIEW),
		/** Someone is assigned ({@code triage.status}: only a New request is assigned). */
		ASSIGNED(EngagementRule.TRIAGE_STATUS);

		private final EngagementRule rule;

		Step(EngagementRule rule) {
			this.rule = rule;
		}

		public EngagementRule rule() {
			return rule;
		}
	}

	/**
	 * The rules of {@link #check} about the request itself, whoever assigns it to whom: the
	 * discussion, the 4 questions and the second review (Fast Track skips the discussion and the
	 * review, as {@code check} does). A step is done when its rule does not refuse; the request
	 * page's checklist is this decision.
	 */
	public static Decision readiness(SaRequest request, Circle circle, List<ThreadItems.Comment> comments,
			ThreadItems.TriageAnswers answers, List<ThreadItems.Review> reviews, ThreadItems.Waiver waiver) {
		var refusals = new ArrayList<Decision.Refusal>();
		if (!request.fastTrack() && comments.stream()
				.noneMatch(c -> c.kind() == ThreadItems.Comment.Kind.DISCUSSION && isCircle(circle, c.authorId()))) {
			refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_DISCUSSION,
					"The circle has not discussed this request on its thread yet"));
		}
		refusals.addAll(questions(answers).refusals());
		refusals.addAll(secondReview(request, circle, reviews, waiver).refusals());
		return Decision.of(refusals);
	}

	/**
	 * The people whose approving reviews count toward a circle's second review: its members and
	 * its manager. The manager's home page counts the requests that wait on reviews with the same
	 * people ({@code BoardQuery.health}), so both say the same of a request.
	 */
	public static Set<UUID> countingReviewers(Circle circle) {
		var people = new HashSet<UUID>(circle.memberIds());
		if (circle.managerId() != null) {
			people.add(circle.managerId());
		}
		return people;
	}

	/**
	 * The approving reviews that count toward the second review: by different people of
	 * {@link #countingReviewers}, not the requester.
	 */
	public static int approvingReviewers(SaRequest request, Circle circle, List<ThreadItems.Review> reviews) {
		var counting = countingReviewers(circle);
		var reviewers = new HashSet<UUID>();
		for (var review : reviews) {
			if (review.verdict() == ReviewVerdict.APPROVE && counting.contains(review.reviewerId())
					&& !review.reviewerId().equals(request.requesterId())) {
				reviewers.add(review.reviewerId());
			}
		}
		return reviewers.size();
	}

	private static Decision questions(ThreadItems.TriageAnswers answers) {
		if (answers == null || !answers.complete()) {
			return Decision.refused(EngagementRule.TRIAGE_FOUR_QUESTIONS, "Answer the 4 questions first");
		}
		if (!Boolean.TRUE.equals(answers.commandPlanComplete())) {
			return Decision.refused(EngagementRule.TRIAGE_FOUR_QUESTIONS,
					"The command plan is not complete: ask the AE and wait for the answer");
		}
		return Decision.allowed();
	}

	private static Decision secondReview(SaRequest request, Circle circle, List<ThreadItems.Review> reviews,
			ThreadItems.Waiver waiver) {
		if (request.fastTrack() || waiver != null) {
			return Decision.allowed();
		}
		var approved = approvingReviewers(request, circle, reviews);
		if (approved < 2) {
			return Decision.refused(EngagementRule.TRIAGE_SECOND_REVIEW, "Two different people must approve "
					+ "the command plan (the manager counts), or the circle records a waiver; " + approved
					+ " approved so far");
		}
		return Decision.allowed();
	}

	private static void discussion(Facts facts, List<Decision.Refusal> refusals) {
		var circle = facts.circle();
		var discussion = facts.comments().stream()
				.filter(c -> c.kind() == ThreadItems.Comment.Kind.DISCUSSION && isCircle(circle, c.authorId()))
				.toList();
		if (discussion.isEmpty()) {
			refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_DISCUSSION,
					"The circle has not discussed this request on its thread yet"));
			return;
		}
		var selfAssignment = facts.actorId() != null && facts.actorId().equals(facts.assigneeId());
		if (selfAssignment && discussion.stream().allMatch(c -> c.authorId().equals(facts.assigneeId()))) {
			refusals.add(new Decision.Refusal(EngagementRule.TRIAGE_DISCUSSION,
					"Self-assignment needs a comment from another circle member or the manager"));
		}
	}

	/**
	 * The {@code triage.assignee} rule, also used when a request is handed over: a member of the
	 * request's circle, or an enabled SA of another circle of the same board who is not the requester.
	 */
	public static Decision assignee(SaRequest request, Circle circle, UUID assigneeId, Person assignee,
			Circle assigneeCircle, boolean enabled) {
		if (assigneeId != null && circle.memberIds().contains(assigneeId)) {
			return Decision.allowed();
		}
		var otherCircleOfBoard = assigneeCircle != null && !assigneeCircle.id().equals(circle.id())
				&& assigneeCircle.boardKey().equals(circle.boardKey());
		if (assigneeId == null || !otherCircleOfBoard || assignee == null) {
			return Decision.refused(EngagementRule.TRIAGE_ASSIGNEE, "The assignee must be a member of "
					+ circle.name() + " or an SA of another circle of board " + circle.boardKey());
		}
		if (assignee.role() != Role.SA) {
			return Decision.refused(EngagementRule.TRIAGE_ASSIGNEE, assignee.name() + " of " + assigneeCircle.name()
					+ " is not an SA");
		}
		if (!enabled) {
			return Decision.refused(EngagementRule.TRIAGE_ASSIGNEE,
					assignee.name() + " of " + assigneeCircle.name() + " cannot sign in: their login is disabled");
		}
		if (assigneeId.equals(request.requesterId())) {
			return Decision.refused(EngagementRule.TRIAGE_ASSIGNEE, "The requester does not take their own request");
		}
		return Decision.allowed();
	}

	/** A member or the manager of the circle: those who triage its requests. */
	public static boolean isCircle(Circle circle, UUID personId) {
		return personId != null && (circle.memberIds().contains(personId) || personId.equals(circle.managerId()));
	}
}
