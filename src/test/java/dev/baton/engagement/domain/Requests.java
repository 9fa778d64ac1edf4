package dev.baton.engagement.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.baton.engagement.Hosting;
import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.SaAsk;
import dev.baton.engagement.SaRequestId;
import dev.baton.organisation.Circle;

/**
 * Test fixtures for requests and circles.
 */
final class Requests {

	static final UUID REQUESTER = UUID.fromString("00000000-0000-4000-8000-00000000000a");
	static final UUID MANAGER = UUID.fromString("00000000-0000-4000-8000-00000000000b");
	static final UUID ANNA = UUID.fromString("00000000-0000-4000-8000-000000000001");
	static final UUID BEN = UUID.fromString("00000000-0000-4000-8000-000000000002");
	static final UUID CARA = UUID.fromString("00000000-0000-4000-8000-000000000003");
	static final UUID OUTSIDER = UUID.fromString("00000000-0000-4000-8000-000000000009");

	static final Circle CIRCLE = new Circle(UUID.randomUUID(), "Circle Test", "commercial-amer", MANAGER, "#test", null,
			List.of(ANNA, BEN, CARA), List.of(REQUESTER), 0);

	private Requests() {
	}

	static SaRequest request(RequestStatus status, boolean fastTrack) {
		var now = Instant.parse("2026-11-23T22:00:00Z");
		var details = new RequestDetails(List.of(new RequestDetails.PreferredDate(now.plusSeconds(3 * 86400),
				ZoneId.of("America/Chicago"))), Hosting.SELF_MANAGED, List.of("pain"), List.of("capability"),
				List.of(new RequestDetails.CurrentTool("Jenkins", true)), Set.of(SaAsk.DEMO),
				new RequestDetails.Meeting("why", "objectives", "agenda", List.of(new RequestDetails.Attendee("Ann", "CTO"))),
				true, null, null);
		return SaRequest.builder().id(SaRequestId.random()).opportunityId(UUID.randomUUID()).requesterId(REQUESTER)
				.circleId(CIRCLE.id()).boardKey("commercial-amer").template(RequestTemplate.SA_ACTIVITY)
				.title("Acme: SA Activity").details(details).fastTrack(fastTrack).createdAt(now).status(status)
				.labels(fastTrack ? EnumSet.of(RequestLabel.FAST_TRACK) : EnumSet.noneOf(RequestLabel.class))
				.receivedAt(now).triageDueAt(now.plusSeconds(86400)).slaDueAt(now.plusSeconds(2 * 86400)).updatedAt(now)
				.build();
	}

	static ThreadItems.Comment discussion(UUID author) {
		return new ThreadItems.Comment(UUID.randomUUID(), author, ThreadItems.Comment.Kind.DISCUSSION, "Looks like a fit",
				Instant.parse("2026-11-23T22:05:00Z"));
	}

	static ThreadItems.TriageAnswers allYes() {
		return new ThreadItems.TriageAnswers(true, true, true, true, null, ANNA, Instant.parse("2026-11-23T22:10:00Z"));
	}

	static ThreadItems.Review approve(UUID reviewer) {
		return new ThreadItems.Review(reviewer, ReviewVerdict.APPROVE, null, Instant.parse("2026-11-23T22:20:00Z"));
	}
}
