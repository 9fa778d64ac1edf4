package dev.baton.engagement.domain;

import static dev.baton.engagement.domain.Requests.ANNA;
import static dev.baton.engagement.domain.Requests.BEN;
import static dev.baton.engagement.domain.Requests.CIRCLE;
import static dev.baton.engagement.domain.Requests.MANAGER;
import static dev.baton.engagement.domain.Requests.OUTSIDER;
import static dev.baton.engagement.domain.Requests.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.EngagementRule;
import dev.baton.engagement.RequestStatus;
import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Person;

/**
 * Who may take which step on a request: the decisions the service refuses by and the request page
 * shows.
 */
class RequestPermissionsTests {

	private static CallContext caller(UUID personId, Role... roles) {
		var person = new Person(personId, null, "Person " + personId, personId + "@example.com", "title", roles[0], null,
				null, "amer", ZoneId.of("UTC"), null, Map.of(), 0);
		return new CallContext("user-" + personId, Set.of(roles), person, Set.of(), Set.of());
	}

	@Test
	void refusesReviewByTheRequester() {
		var decision = RequestPermissions.mayReview(caller(REQUESTER, Role.AE), Requests.request(RequestStatus.NEW, false),
				CIRCLE);

		assertThat(decision.refuses(EngagementRule.MAY_REVIEW)).isTrue();
		assertThat(decision.reasons()).contains("The requesting AE does not review the command plan");
	}

	@Test
	void letsTheCircleAndItsManagerReviewButNotAnOutsider() {
		var request = Requests.request(RequestStatus.NEW, false);

		assertThat(RequestPermissions.mayReview(caller(ANNA, Role.SA), request, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayReview(caller(MANAGER, Role.SA_MANAGER), request, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayReview(caller(OUTSIDER, Role.SA), request, CIRCLE).reasons())
				.contains("Only members of Circle Test or its manager review the command plan");
	}

	@Test
	void letsAnSaOfAnotherCircleWhoTookTheRequestOverMoveIt() {
		var request = Requests.request(RequestStatus.NEW, false);
		request.assign(OUTSIDER, null, null, null, UUID.randomUUID(), Instant.parse("2026-11-24T15:00:00Z"));

		assertThat(RequestPermissions.mayMove(caller(OUTSIDER, Role.SA), request, CIRCLE, "move it").isAllowed()).isTrue();
		assertThat(RequestPermissions.mayDecline(caller(BEN, Role.SA), request, CIRCLE).isAllowed()).isTrue();
	}

	@Test
	void letsManagersCommentButNotAnOutsiderSa() {
		var request = Requests.request(RequestStatus.NEW, false);

		assertThat(RequestPermissions.mayComment(caller(OUTSIDER, Role.ASM), request, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayComment(caller(REQUESTER, Role.AE), request, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayComment(caller(OUTSIDER, Role.SA), request, CIRCLE).refuses(EngagementRule.MAY_COMMENT))
				.isTrue();
	}

	@Test
	void onlyTheRequesterAnswersTheCirclesQuestions() {
		var request = Requests.request(RequestStatus.SA_WAITING, false);

		assertThat(RequestPermissions.mayAnswerAsRequestor(caller(REQUESTER, Role.AE), request).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayAnswerAsRequestor(caller(ANNA, Role.SA), request).isRefused()).isTrue();
	}

	@Test
	void refusesALoginWithoutAPerson() {
		var admin = new CallContext("admin", Set.of(Role.ADMIN), null, Set.of(), Set.of());

		assertThat(RequestPermissions.mayComment(admin, Requests.request(RequestStatus.NEW, false), CIRCLE).reasons())
				.contains("admin has no person in the organisation");
	}

	@Test
	void letsOnlyTheAssigneeTheirManagersAndAdminsHandARequestOver() {
		var request = Requests.request(RequestStatus.NEW, false);
		request.assign(ANNA, null, Instant.parse("2026-11-24T15:00:00Z"));

		assertThat(RequestPermissions.mayReassign(caller(ANNA, Role.SA), request, CIRCLE, null, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayReassign(caller(MANAGER, Role.SA_MANAGER), request, CIRCLE, null, CIRCLE)
				.isAllowed()).isTrue();
		assertThat(RequestPermissions.mayReassign(caller(BEN, Role.SA), request, CIRCLE, null, CIRCLE)
				.refuses(EngagementRule.MAY_REASSIGN)).isTrue();
	}

	@Test
	void refusesApprovalByTheRequesterAndASecondApprovalByTheSamePerson() {
		var request = SaRequest.builder().id(dev.baton.engagement.SaRequestId.random()).requesterId(REQUESTER)
				.circleId(CIRCLE.id()).status(RequestStatus.AWAITING_APPROVAL).gate(ApprovalGate.ASM_AND_SA_MANAGER).build();
		var asm = caller(OUTSIDER, Role.ASM, Role.SA_MANAGER);
		var given = List.of(new ThreadItems.Approval(OUTSIDER, Role.ASM, ApprovalDecision.APPROVE, null,
				Instant.parse("2026-11-24T15:00:00Z")));

		assertThat(RequestPermissions.mayApprove(caller(REQUESTER, Role.AE, Role.ASM), request, List.of()).reasons())
				.contains("The requesting AE does not approve their own request");
		assertThat(RequestPermissions.mayApprove(asm, request, List.of()).isAllowed()).isTrue();
		assertThat(RequestPermissions.approvingRole(asm, request, given)).contains(Role.SA_MANAGER);
		assertThat(RequestPermissions.mayApprove(asm, request, given).reasons())
				.contains("Two different people approve; you did already");
	}

	@Test
	void letsOnlyThePersonTheirManagersAndAdminsAcceptACoveragePlan() {
		var absent = caller(ANNA, Role.SA).person();

		assertThat(RequestPermissions.mayCover(caller(ANNA, Role.SA), absent, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayCover(caller(MANAGER, Role.SA_MANAGER), absent, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayCover(caller(OUTSIDER, Role.ADMIN), absent, CIRCLE).isAllowed()).isTrue();
		assertThat(RequestPermissions.mayCover(caller(BEN, Role.SA), absent, CIRCLE).refuses(EngagementRule.MAY_COVER))
				.isTrue();
	}
}
