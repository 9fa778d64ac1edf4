package dev.baton.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.engagement.EngagementRule;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaRequestId;
import dev.baton.platform.BatonException;

/**
 * The board workflow refuses illegal moves and names the state it is in.
 */
class SaRequestTransitionsTests {

	private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

	@Test
	void followsTheBoardFromTriagedToDone() {
		var request = Requests.request(RequestStatus.NEW, false);
		request.assign(Requests.ANNA, null, NOW);
		request.moveTo(RequestStatus.SA_DOING, NOW);
		request.moveTo(RequestStatus.SA_FOLLOWUP, NOW);
		request.moveTo(RequestStatus.DONE, NOW);

		assertThat(request.status()).isEqualTo(RequestStatus.DONE);
		assertThat(request.engagedAt()).isEqualTo(NOW);
		assertThat(request.closedAt()).isEqualTo(NOW);
	}

	@Test
	void refusesToSkipTriage() {
		var request = Requests.request(RequestStatus.NEW, false);

		assertThatThrownBy(() -> request.moveTo(RequestStatus.DONE, NOW)).isInstanceOfSatisfying(BatonException.class,
				e -> assertThat(e.getMessage()).isEqualTo("A request in New cannot move to Done"));
	}

	@Test
	void refusesToAssignTwice() {
		var request = Requests.request(RequestStatus.NEW, false);
		request.assign(Requests.ANNA, null, NOW);

		assertThatThrownBy(() -> request.assign(Requests.BEN, null, NOW))
				.hasMessage("Cannot assign it: the request is in SA Triaged");
	}

	@Test
	void refusesToDeclineWorkInProgress() {
		var request = Requests.request(RequestStatus.SA_DOING, false);

		assertThatThrownBy(() -> request.decline("no agenda", NOW)).hasMessageContaining("SA Doing");
	}

	@Test
	void waitingReturnsToWhereItCameFrom() {
		var request = Requests.request(RequestStatus.SA_DOING, false);
		var calendar = dev.baton.organisation.BusinessCalendar.standard(java.time.ZoneId.of("America/Chicago"));
		request.waitForRequestor(NOW);
		assertThat(request.status()).isEqualTo(RequestStatus.SA_WAITING);
		assertThat(request.pausedAt()).isEqualTo(NOW);

		request.resume(calendar, TimeBasis.BUSINESS, NOW.plusSeconds(3600));

		assertThat(request.status()).isEqualTo(RequestStatus.SA_DOING);
		assertThat(request.pausedAt()).isNull();
	}

	@Test
	void fastTrackCannotBeTakenOffByRelabelling() {
		var request = Requests.request(RequestStatus.NEW, true);
		request.relabel(java.util.Set.of(RequestLabel.SA_POV), null, NOW);

		assertThat(request.labels()).containsExactlyInAnyOrder(RequestLabel.SA_POV, RequestLabel.FAST_TRACK);
	}

	@Test
	void filePutsAnUngatedRequestOnTheBoardWithItsClocksRunning() {
		var due = new RequestClock.DueTimes(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(7200), true, List.of("Fast Track"));
		var request = SaRequest.file(intake(), new SegmentPolicy.Assessment(ApprovalGate.NONE, null, false, List.of()), due,
				Set.of(RequestLabel.EXPEDITE));

		assertThat(request.status()).isEqualTo(RequestStatus.NEW);
		assertThat(request.triageDueAt()).isEqualTo(NOW.plusSeconds(3600));
		assertThat(request.labels()).containsExactlyInAnyOrder(RequestLabel.EXPEDITE, RequestLabel.FAST_TRACK);
		assertThat(request.advisories()).extracting(Advisory::rule).containsExactly("clock");
	}

	@Test
	void fileKeepsAGatedRequestOffTheBoardWithoutClocks() {
		var due = new RequestClock.DueTimes(NOW, NOW.plusSeconds(3600), NOW.plusSeconds(7200), false, List.of());
		var request = SaRequest.file(intake(), new SegmentPolicy.Assessment(ApprovalGate.ASM_REVIEW, null, false, List.of()),
				due, Set.of());

		assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
		assertThat(request.receivedAt()).isNull();
		assertThat(request.triageDueAt()).isNull();
		assertThat(request.newForTriage("answer the 4 questions").refuses(EngagementRule.TRIAGE_STATUS)).isTrue();
	}

	@Test
	void refusesTheFourQuestionsOnceTheRequestLeftNew() {
		var request = Requests.request(RequestStatus.SA_WAITING, false);

		assertThat(Requests.request(RequestStatus.NEW, false).newForTriage("answer the 4 questions").isAllowed()).isTrue();
		assertThatThrownBy(() -> request.requireNew("answer the 4 questions"))
				.hasMessage("Cannot answer the 4 questions: the request is in SA Waiting");
	}

	private static SaRequest.Intake intake() {
		return new SaRequest.Intake(SaRequestId.random(), UUID.randomUUID(), Requests.REQUESTER, Requests.CIRCLE.id(),
				"commercial-amer", RequestTemplate.SA_ACTIVITY, "Acme: SA Activity", null);
	}
}
