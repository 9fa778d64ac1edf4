package dev.baton.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import dev.baton.RecordedEvents;
import tools.jackson.databind.JsonNode;

/**
 * Assignment records which recommendation was chosen and why, SAs of another circle of the board
 * can take a request, and an assigned request can be handed over, through HTTP on the demo
 * organisation: Alex Morgan ({@code ae}) files to Circle Cascade (Commercial AMER); Sam Rivera
 * ({@code sa}), Priya Natarajan and Diego Alvarez are members; Morgan Lee ({@code sa-manager})
 * manages it.
 */
@BatonIntegrationTest
class AssignmentRecordAndHandOverTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordedEvents recorded;

	@BeforeEach
	void mondayFourPmInChicago() {
		clock.set(at("2026-11-23T16:00"));
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private static Instant at(String local) {
		return ZonedDateTime.of(LocalDateTime.parse(local), CHICAGO).toInstant();
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private String person(String name) {
		return DemoOrganisation.person(as("admin"), name);
	}

	private String file(String firstMeeting) {
		var body = Http.json(Map.of("opportunityId", DemoOrganisation.opportunity(as("admin"),
				"Acme Logistics: platform consolidation"), "template", "SA_ACTIVITY", "labels", List.of(),
				"details", Map.of(
						"preferredDates", List.of(Map.of("start", firstMeeting, "timeZone", "America/New_York")),
						"hosting", "SELF_MANAGED",
						"pains", List.of("Forty Jenkins plugins to maintain"),
						"requiredCapabilities", List.of("Merge request approvals"),
						"currentTools", List.of(Map.of("name", "Jenkins", "nonNegotiable", false)),
						"asks", List.of("DEMO"),
						"customPitchDeck", true,
						"meeting", Map.of("why", "Consolidation", "objectives", "Show MR to deploy",
								"agenda", "Intro, demo", "attendees", List.of(Map.of("name", "Maria Gonzalez",
										"title", "VP Engineering"))))));
		var response = as("ae").post("/api/v1/sa-requests", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	/** Files a request and takes it through discussion, the 4 questions and the second review. */
	private String triaged() {
		var id = file("2026-12-02T15:00:00Z");
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/comments",
				"{\"body\": \"Sam or Diego could take this\"}").status()).isEqualTo(201);
		assertThat(as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete",
				true, "understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		assertThat(as("sa-manager").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		return id;
	}

	private JsonNode assigned(String id, String assignee) {
		var response = as("sa").post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", assignee,
				"recommendationRank", 1)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private JsonNode audit(String id, String action) {
		var response = as("admin").get("/api/v1/audit?entityType=sa-request&entityId=" + id + "&action=" + action);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items");
	}

	@Test
	void choosingBelowTheTopRecommendationWithoutAReasonIsRefusedNamingTheField() {
		var id = triaged();

		var refused = as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", person("Diego Alvarez"), "recommendationRank", 2, "rankReason", " ")));

		ProblemAssertions.assertProblem(refused, 422, "sa-request-triage-rule");
		assertThat(refused.json().path("violations").toString()).contains("triage.recommendation");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("rankReason");
		assertThat(as("sa").get("/api/v1/sa-requests/" + id).json().path("status").asString()).isEqualTo("NEW");
		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", person("Diego Alvarez"), "recommendationRank", 0))), 400, "validation-failed");
	}

	@Test
	void theRankAndReasonAreKeptShownAuditedAndAnnounced() {
		var id = triaged();
		var diego = person("Diego Alvarez");

		var response = as("sa").post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", diego,
				"recommendationRank", 2, "rankReason", "Diego ran their Jenkins migration workshop")));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var read = as("ae").get("/api/v1/sa-requests/" + id).json();
		assertThat(read.path("recommendationRank").asInt()).isEqualTo(2);
		assertThat(read.path("rankReason").asString()).isEqualTo("Diego ran their Jenkins migration workshop");
		assertThat(read.path("crossCircle").asBoolean()).isFalse();
		var entry = audit(id, "sa-request.assigned").get(0);
		assertThat(entry.path("details").path("recommendationRank").asInt()).isEqualTo(2);
		assertThat(entry.path("details").path("rankReason").asString()).isEqualTo("Diego ran their Jenkins migration workshop");
		assertThat(recorded.committed().stream().filter(SaRequestAssigned.class::isInstance).map(SaRequestAssigned.class::cast)
				.filter(e -> e.requestId().toString().equals(id)))
				.singleElement().satisfies(e -> {
					assertThat(e.recommendationRank()).isEqualTo(2);
					assertThat(e.rankReason()).isEqualTo("Diego ran their Jenkins migration workshop");
				});
	}

	@Test
	void metricsReportTheTopChoiceShareAndOffTopChoices() {
		// a quiet week of its own, so other tests' requests stay out of the window
		clock.set(at("2026-08-03T10:00"));
		var ids = List.of(file(at("2026-08-03T15:00").toString()), file(at("2026-08-03T15:30").toString()),
				file(at("2026-08-03T16:00").toString()));
		for (var id : ids) {
			as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete", true,
					"understandsContext", true, "leadTime", false, "relatableExperience", true)));
		}
		assertThat(as("sa").post("/api/v1/sa-requests/" + ids.get(0) + "/assignment", Http.json(Map.of("assigneeId",
				person("Sam Rivera"), "recommendationRank", 1))).status()).isEqualTo(200);
		assertThat(as("sa").post("/api/v1/sa-requests/" + ids.get(1) + "/assignment", Http.json(Map.of("assigneeId",
				person("Diego Alvarez"), "recommendationRank", 3, "rankReason", "knows the account"))).status()).isEqualTo(200);
		assertThat(as("sa").post("/api/v1/sa-requests/" + ids.get(2) + "/assignment", Http.json(Map.of("assigneeId",
				person("Priya Natarajan")))).status()).isEqualTo(200);

		var report = as("sa-manager").get("/api/v1/sa-requests/metrics?board=commercial-amer&from="
				+ at("2026-08-03T00:00") + "&to=" + at("2026-08-04T00:00")).json();

		assertThat(report.path("triaged").asLong()).isEqualTo(3);
		assertThat(report.path("ranked").asLong()).isEqualTo(2);
		assertThat(report.path("topChoiceShare").asDouble()).isEqualTo(0.5);
		assertThat(report.path("offTopChoices").asLong()).isEqualTo(1);
	}

	@Test
	void anSaOfAnotherCircleOfTheBoardTakesARequestAsACrossCircleHandOff() {
		var id = triaged();
		var unique = Long.toString(System.nanoTime(), 36);
		var sa = as("admin").post("/api/v1/people", Http.json(Map.of("name", "Rowan Ellis " + unique, "email",
				"rowan." + unique + "@people.example", "title", "Senior Solutions Architect", "role", "SA", "seniority",
				"SENIOR", "regionKey", "AMER", "timeZone", "America/Chicago", "skills", Map.of("ci-cd", "EXPERT"))));
		assertThat(sa.status()).as(sa.body()).isEqualTo(201);
		var rowan = sa.json().path("id").asString();
		var rainier = as("admin").post("/api/v1/circles", Http.json(Map.of("name", "Circle Rainier " + unique, "boardKey",
				"commercial-amer", "memberIds", List.of(rowan))));
		assertThat(rainier.status()).as(rainier.body()).isEqualTo(201);
		try {
			var otherBoard = as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
					Http.json(Map.of("assigneeId", person("Amara Okafor"))));
			ProblemAssertions.assertProblem(otherBoard, 422, "sa-request-triage-rule");
			assertThat(otherBoard.json().path("violations").toString()).contains("triage.assignee");
			assertThat(otherBoard.json().path("errors").get(0).path("field").asString()).isEqualTo("assigneeId");

			var taken = as("sa").post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", rowan)));

			assertThat(taken.status()).as(taken.body()).isEqualTo(200);
			assertThat(taken.json().path("assigneeId").asString()).isEqualTo(rowan);
			assertThat(taken.json().path("crossCircle").asBoolean()).isTrue();
			assertThat(taken.json().path("assigneeCircleId").asString()).isEqualTo(rainier.json().path("id").asString());
			var details = audit(id, "sa-request.assigned").get(0).path("details");
			assertThat(details.path("crossCircle").asBoolean()).isTrue();
			assertThat(details.path("fromCircle").asString()).isEqualTo("Circle Rainier " + unique);
		} finally {
			var emptied = as("admin").header("If-Match", "\"0\"").put("/api/v1/circles/"
					+ rainier.json().path("id").asString() + "/members", "{\"memberIds\": []}");
			assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
		}
	}

	@Test
	void theAssigneeHandsOverWithANoteAndTheClocksStayAsTheyWere() {
		var id = triaged();
		var before = assigned(id, person("Sam Rivera"));
		clock.advance(java.time.Duration.ofHours(3));
		var diego = person("Diego Alvarez");

		ProblemAssertions.assertProblem(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", diego, "handOverNote", "take it"))), 403, "sa-request-not-permitted");
		ProblemAssertions.assertProblem(as("ae").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", diego, "handOverNote", "take it"))), 403, "sa-request-not-permitted");
		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", diego))), 400, "validation-failed");
		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", diego, "handOverNote", "take it", "expectedVersion", 0))), 409, "stale-version");

		var handed = as("sa").post("/api/v1/sa-requests/" + id + "/reassignment", Http.json(Map.of("assigneeId", diego,
				"handOverNote", "Demo env is ready; Maria prefers mornings", "expectedVersion", before.path("version").asInt())));

		assertThat(handed.status()).as(handed.body()).isEqualTo(200);
		var after = handed.json();
		assertThat(after.path("assigneeId").asString()).isEqualTo(diego);
		assertThat(after.path("status").asString()).isEqualTo("SA_TRIAGED");
		for (var clockField : List.of("receivedAt", "triageDueAt", "slaDueAt", "triagedAt")) {
			assertThat(after.path(clockField).asString()).as(clockField).isEqualTo(before.path(clockField).asString());
		}
		assertThat(as("ae").get("/api/v1/sa-requests/" + id + "/thread").json().path("comments").toString())
				.contains("HAND_OVER", "Demo env is ready; Maria prefers mornings");
		assertThat(audit(id, "sa-request.reassigned").get(0).path("reason").asString())
				.isEqualTo("Demo env is ready; Maria prefers mornings");
		assertThat(recorded.committed().stream().filter(SaRequestReassigned.class::isInstance)
				.map(SaRequestReassigned.class::cast).filter(e -> e.requestId().toString().equals(id)))
				.singleElement().satisfies(e -> {
					assertThat(e.fromAssigneeId().toString()).isEqualTo(person("Sam Rivera"));
					assertThat(e.toAssigneeId().toString()).isEqualTo(diego);
					assertThat(e.handOverNote()).isEqualTo("Demo env is ready; Maria prefers mornings");
				});
		await().untilAsserted(() -> assertThat(as("ae").get("/api/v1/me/notifications?size=200").body())
				.contains("handed " + after.path("reference").asString() + " " + after.path("title").asString()
						+ " from Sam Rivera to Diego Alvarez"));
	}

	@Test
	void theCirclesManagerAndAnAdminHandOverTooButNotAnotherMember() {
		var id = triaged();
		assigned(id, person("Sam Rivera"));

		var byManager = as("sa-manager").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", person("Diego Alvarez"), "handOverNote", "Sam is on the Initech POV")));
		assertThat(byManager.status()).as(byManager.body()).isEqualTo(200);
		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", person("Priya Natarajan"), "handOverNote", "back to Priya"))), 403,
				"sa-request-not-permitted");
		var byAdmin = as("admin").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", person("Priya Natarajan"), "handOverNote", "Diego left the circle")));

		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
		assertThat(byAdmin.json().path("assigneeId").asString()).isEqualTo(person("Priya Natarajan"));
		ProblemAssertions.assertProblem(as("admin").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", person("Amara Okafor"), "handOverNote", "EMEA takes it"))), 422,
				"sa-request-triage-rule");
	}

	@Test
	void aNewRequestIsNotHandedOver() {
		var id = file("2026-12-02T15:00:00Z");

		ProblemAssertions.assertProblem(as("sa-manager").post("/api/v1/sa-requests/" + id + "/reassignment",
				Http.json(Map.of("assigneeId", person("Diego Alvarez"), "handOverNote", "take it"))), 409,
				"sa-request-illegal-transition");
	}
}
