package dev.baton.engagement.domain;

import static dev.baton.engagement.domain.Requests.ANNA;
import static dev.baton.engagement.domain.Requests.BEN;
import static dev.baton.engagement.domain.Requests.CARA;
import static dev.baton.engagement.domain.Requests.CIRCLE;
import static dev.baton.engagement.domain.Requests.MANAGER;
import static dev.baton.engagement.domain.Requests.OUTSIDER;
import static dev.baton.engagement.domain.Requests.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.engagement.EngagementRule;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.platform.Decision;

/**
 * The triage rules for assignment, one behaviour per test; each would fail without its rule.
 */
class AssignmentPolicyTests {

	private static AssignmentPolicy.Facts facts(SaRequest request, List<ThreadItems.Comment> comments,
			ThreadItems.TriageAnswers answers, List<ThreadItems.Review> reviews, ThreadItems.Waiver waiver, UUID actor,
			UUID assignee, UUID assist) {
		return new AssignmentPolicy.Facts(request, CIRCLE, comments, answers, reviews, waiver, actor, assignee, assist,
				null, null, null, null, true);
	}

	private static AssignmentPolicy.Facts ranked(Integer rank, String reason) {
		return new AssignmentPolicy.Facts(Requests.request(RequestStatus.NEW, false), CIRCLE,
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(MANAGER)),
				null, ANNA, ANNA, null, rank, reason, null, null, true);
	}

	private static final dev.baton.organisation.Circle OTHER = new dev.baton.organisation.Circle(UUID.randomUUID(),
			"Circle Other", "commercial-amer", null, null, null, List.of(OUTSIDER), List.of(), 0);

	private static AssignmentPolicy.Facts from(dev.baton.organisation.Circle circle, dev.baton.identity.Role role,
			boolean enabled) {
		var person = new dev.baton.organisation.Person(OUTSIDER, null, "Olly Outsider", "olly@example.com", "SA", role,
				null, null, "AMER", null, null, java.util.Map.of(), 0);
		return new AssignmentPolicy.Facts(Requests.request(RequestStatus.NEW, true), CIRCLE, List.of(), Requests.allYes(),
				List.of(), null, ANNA, OUTSIDER, null, null, null, person, circle, enabled);
	}

	@Test
	void choosingBelowTheTopRecommendationNeedsAReason() {
		assertThat(rules(AssignmentPolicy.check(ranked(2, " ")))).containsExactly("triage.recommendation");
		assertThat(AssignmentPolicy.check(ranked(2, "Priya knows the account")).isAllowed()).isTrue();
		assertThat(AssignmentPolicy.check(ranked(1, null)).isAllowed()).isTrue();
		assertThat(AssignmentPolicy.check(ranked(null, null)).isAllowed()).isTrue();
		assertThat(EngagementRule.TRIAGE_RECOMMENDATION.field()).isEqualTo("rankReason");
	}

	@Test
	void acceptsAnEnabledSaOfAnotherCircleOfTheBoardAndNobodyElseOutside() {
		assertThat(AssignmentPolicy.check(from(OTHER, dev.baton.identity.Role.SA, true)).isAllowed()).isTrue();
		var otherBoard = new dev.baton.organisation.Circle(UUID.randomUUID(), "Circle Far", "commercial-emea", null, null,
				null, List.of(OUTSIDER), List.of(), 0);
		assertThat(rules(AssignmentPolicy.check(from(otherBoard, dev.baton.identity.Role.SA, true))))
				.containsExactly("triage.assignee");
		assertThat(rules(AssignmentPolicy.check(from(OTHER, dev.baton.identity.Role.AE, true))))
				.containsExactly("triage.assignee");
		assertThat(rules(AssignmentPolicy.check(from(OTHER, dev.baton.identity.Role.SA, false))))
				.containsExactly("triage.assignee");
		assertThat(rules(AssignmentPolicy.check(from(null, dev.baton.identity.Role.SA, true))))
				.containsExactly("triage.assignee");
	}

	private static List<String> rules(Decision decision) {
		return decision.refusals().stream().map(Decision.Refusal::ruleId).toList();
	}

	@Test
	void allowsAssignmentWhenEveryRuleIsMet() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(MANAGER)),
				null, ANNA, ANNA, null));

		assertThat(decision.isAllowed()).as(decision.toString()).isTrue();
	}

	@Test
	void rejectsAssignmentWithoutDiscussion() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false), List.of(),
				Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(CARA)), null, BEN, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.discussion");
	}

	@Test
	void rejectsSelfAssignmentWhenOnlyTheAssigneeCommented() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(ANNA)), Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(CARA)),
				null, ANNA, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.discussion");
		assertThat(decision.refusals().get(0).reason()).contains("another circle member or the manager");
	}

	@Test
	void requestorCommentsDoNotCountAsTheCirclesDiscussion() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(REQUESTER)), Requests.allYes(),
				List.of(Requests.approve(BEN), Requests.approve(CARA)), null, BEN, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.discussion");
	}

	@Test
	void rejectsAssignmentWithoutSecondReview() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN)), null, BEN, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.second-review");
		assertThat(decision.refusals().get(0).reason()).contains("1 approved so far");
	}

	@Test
	void theRequestorsReviewNeverCounts() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(REQUESTER)),
				null, BEN, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.second-review");
	}

	@Test
	void reviewsWithConcernsDoNotCount() {
		var concerns = new ThreadItems.Review(CARA, ReviewVerdict.CONCERNS, "no agenda", Instant.now());
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN), concerns), null, BEN, ANNA,
				null));

		assertThat(rules(decision)).containsExactly("triage.second-review");
	}

	@Test
	void theManagerCountsAsOneReviewer() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(MANAGER)), Requests.allYes(),
				List.of(Requests.approve(MANAGER), Requests.approve(CARA)), null, MANAGER, ANNA, null));

		assertThat(decision.isAllowed()).isTrue();
	}

	@Test
	void aRecordedWaiverReplacesTheSecondReview() {
		var waiver = new ThreadItems.Waiver(BEN, "Renewal of a known customer; plan reviewed last month", Instant.now());
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(), waiver, BEN, ANNA, null));

		assertThat(decision.isAllowed()).isTrue();
	}

	@Test
	void fastTrackSkipsDiscussionAndSecondReviewButNotTheFourQuestions() {
		var fastTrack = Requests.request(RequestStatus.NEW, true);

		assertThat(AssignmentPolicy.check(facts(fastTrack, List.of(), Requests.allYes(), List.of(), null, ANNA, ANNA, null))
				.isAllowed()).isTrue();
		assertThat(rules(AssignmentPolicy.check(facts(fastTrack, List.of(), null, List.of(), null, ANNA, ANNA, null))))
				.containsExactly("triage.four-questions");
	}

	@Test
	void rejectsAssignmentBeforeTheFourQuestionsAreAnswered() {
		var partial = new ThreadItems.TriageAnswers(true, true, null, true, null, ANNA, Instant.now());
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), partial, List.of(Requests.approve(BEN), Requests.approve(CARA)), null, BEN,
				ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.four-questions");
	}

	@Test
	void rejectsAssignmentWhileTheCommandPlanIsIncomplete() {
		var incomplete = new ThreadItems.TriageAnswers(false, true, true, true, null, ANNA, Instant.now());
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), incomplete, List.of(Requests.approve(BEN), Requests.approve(CARA)), null,
				BEN, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.four-questions");
	}

	@Test
	void withoutRelatableExperienceAMainAssistFromTheCircleIsNeeded() {
		var noExperience = new ThreadItems.TriageAnswers(true, true, true, false, null, ANNA, Instant.now());
		var request = Requests.request(RequestStatus.NEW, false);
		var reviews = List.of(Requests.approve(BEN), Requests.approve(CARA));

		assertThat(rules(AssignmentPolicy.check(facts(request, List.of(Requests.discussion(BEN)), noExperience, reviews,
				null, BEN, ANNA, null)))).containsExactly("triage.main-assist");
		assertThat(rules(AssignmentPolicy.check(facts(request, List.of(Requests.discussion(BEN)), noExperience, reviews,
				null, BEN, ANNA, OUTSIDER)))).containsExactly("triage.main-assist");
		assertThat(AssignmentPolicy.check(facts(request, List.of(Requests.discussion(BEN)), noExperience, reviews, null, BEN,
				ANNA, CARA)).isAllowed()).isTrue();
	}

	@Test
	void theRequestorNeverAssigns() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.NEW, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(CARA)),
				null, REQUESTER, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.actor");
	}

	@Test
	void onlyTheCircleAssignsAndOnlyToItsMembers() {
		var request = Requests.request(RequestStatus.NEW, false);
		var comments = List.of(Requests.discussion(BEN));
		var reviews = List.of(Requests.approve(BEN), Requests.approve(CARA));

		assertThat(rules(AssignmentPolicy.check(facts(request, comments, Requests.allYes(), reviews, null, OUTSIDER, ANNA,
				null)))).containsExactly("triage.actor");
		assertThat(rules(AssignmentPolicy.check(facts(request, comments, Requests.allYes(), reviews, null, BEN, OUTSIDER,
				null)))).containsExactly("triage.assignee");
	}

	@Test
	void onlyANewRequestIsAssigned() {
		var decision = AssignmentPolicy.check(facts(Requests.request(RequestStatus.SA_WAITING, false),
				List.of(Requests.discussion(BEN)), Requests.allYes(), List.of(Requests.approve(BEN), Requests.approve(CARA)),
				null, BEN, ANNA, null));

		assertThat(rules(decision)).containsExactly("triage.status");
		assertThat(decision.refusals().get(0).reason()).contains("SA Waiting");
	}
}
