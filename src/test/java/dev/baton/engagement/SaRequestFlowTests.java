package dev.baton.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import dev.baton.RecordedEvents;
import tools.jackson.databind.JsonNode;

/**
 * SA requests through HTTP, as the AE and the circle use them, on the demo organisation: Alex
 * Morgan (AE, login {@code ae}) is served by Circle Cascade on the Commercial AMER board
 * (America/Chicago, Thanksgiving 2026-11-26 off); Sam Rivera ({@code sa}), Priya Natarajan and
 * Diego Alvarez are members; Morgan Lee ({@code sa-manager}) is its manager.
 */
@BatonIntegrationTest
class SaRequestFlowTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClockWatch clockWatch;

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

	private String opportunity(String name) {
		return DemoOrganisation.opportunity(as("admin"), name);
	}

	private String person(String name) {
		return DemoOrganisation.person(as("admin"), name);
	}

	private String activity(String opportunityId, String firstMeeting, List<String> labels) {
		return Http.json(Map.of("opportunityId", opportunityId, "template", "SA_ACTIVITY", "labels", labels,
				"details", Map.of(
						"preferredDates", List.of(Map.of("start", firstMeeting, "timeZone", "America/New_York")),
						"hosting", "SELF_MANAGED",
						"pains", List.of("Forty Jenkins plugins to maintain"),
						"requiredCapabilities", List.of("Merge request approvals", "SAST"),
						"currentTools", List.of(Map.of("name", "Jira", "nonNegotiable", true),
								Map.of("name", "Jenkins", "nonNegotiable", false)),
						"asks", List.of("DEMO", "TECHNICAL_QA"),
						"customPitchDeck", true,
						"meeting", Map.of("why", "Platform team evaluates consolidation", "objectives", "Show MR to deploy",
								"agenda", "Intro, demo, Q&A", "attendees", List.of(Map.of("name", "Maria Gonzalez",
										"title", "VP Engineering"))))));
	}

	private JsonNode file(String firstMeeting, List<String> labels) {
		var response = as("ae").post("/api/v1/sa-requests",
				activity(opportunity("Acme Logistics: platform consolidation"), firstMeeting, labels));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private void discussAndReview(String id) {
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/comments",
				"{\"body\": \"Sam knows their Jenkins setup from the Initech POV\"}").status()).isEqualTo(201);
		assertThat(as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete",
				true, "understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		assertThat(as("sa-manager").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
	}

	@Autowired
	RecordedEvents recorded;

	private long events(String type, String requestId) {
		return recorded.committed().stream().filter(e -> e.getClass().getSimpleName().equals(type))
				.filter(e -> e.toString().contains(requestId)).count();
	}

	@Test
	void aRequestGoesFromFilingThroughTriageToDone() {
		var filed = file("2026-12-02T15:00:00Z", List.of());
		var id = filed.path("id").asString();

		assertThat(filed.path("status").asString()).isEqualTo("NEW");
		assertThat(filed.path("board").asString()).isEqualTo("commercial-amer");
		assertThat(filed.path("fastTrack").asBoolean()).isFalse();
		assertThat(filed.path("triageDueAt").asString()).isEqualTo(at("2026-11-24T16:00").toString());
		assertThat(filed.path("slaDueAt").asString()).isEqualTo(at("2026-11-25T16:00").toString());
		assertThat(filed.path("techEvalTargetDate").asString()).isNotBlank();
		assertThat(filed.path("advisories").toString()).contains("segment.tech-eval-date");
		assertThat(events("SaRequestFiled", id)).isEqualTo(1);

		discussAndReview(id);
		var sam = person("Sam Rivera");
		var check = as("sa").get("/api/v1/sa-requests/" + id + "/assignment-check?assigneeId=" + sam).json();
		assertThat(check.path("allowed").asBoolean()).as(check.toString()).isTrue();

		clock.set(at("2026-11-24T10:00"));
		var assigned = as("sa").post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", sam)));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(assigned.json().path("status").asString()).isEqualTo("SA_TRIAGED");
		assertThat(assigned.json().path("assigneeId").asString()).isEqualTo(sam);
		assertThat(events("SaRequestAssigned", id)).isEqualTo(1);

		for (var step : List.of("SA_DOING", "SA_FOLLOWUP", "DONE")) {
			var moved = as("sa").post("/api/v1/sa-requests/" + id + "/transitions", "{\"to\": \"" + step + "\"}");
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			assertThat(moved.json().path("status").asString()).isEqualTo(step);
		}
		var done = as("ae").get("/api/v1/sa-requests/" + id).json();
		assertThat(done.path("engagedAt").asString()).isEqualTo(at("2026-11-24T10:00").toString());

		var trail = as("admin").get("/api/v1/audit?entityType=sa-request&entityId=" + id + "&limit=50").body();
		assertThat(trail).contains("sa-request.filed", "sa-request.commented", "sa-request.questions-answered",
				"sa-request.reviewed", "sa-request.assigned", "sa-request.moved");
	}

	@Test
	void theCirclesChannelAndTheAeAreToldAlongTheWay() throws Exception {
		var hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		var posts = new java.util.concurrent.CopyOnWriteArrayList<String>();
		hook.createContext("/hook", exchange -> {
			posts.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		hook.start();
		var cascade = "UPDATE circle SET chat_webhook_url = :url WHERE name = 'Circle Cascade'";
		try {
			jdbc.sql(cascade).param("url", "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook").update();
			var id = file("2026-12-02T15:00:00Z", List.of()).path("id").asString();
			discussAndReview(id);
			as("sa").post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", person("Sam Rivera"))));

			awaitUntil(() -> posts.stream().filter(p -> p.contains("/requests/" + id)).count() >= 2);
			assertThat(posts).anyMatch(p -> p.contains("/requests/" + id) && p.contains("Alex Morgan filed"));
			assertThat(posts).anyMatch(p -> p.contains("/requests/" + id) && p.contains("Sam Rivera"));
			awaitUntil(() -> as("ae").get("/api/v1/me/notifications?size=200").body().contains("/requests/" + id));
			var inbox = as("ae").get("/api/v1/me/notifications?size=200").body();
			assertThat(inbox).contains("Sam Rivera");
		} finally {
			jdbc.sql(cascade).param("url", null).update();
			hook.stop(0);
		}
	}

	private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		var deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 15 seconds");
			}
			Thread.sleep(100);
		}
	}

	@Test
	void aSizingSavedAgainstTheOpportunityShowsOnItsRequests() {
		var opportunity = opportunity("Tyrell Systems: CI/CD migration");
		var saved = as("sa").post("/api/v1/opportunities/" + opportunity + "/sizing-recommendations",
				"{\"metrics\": {\"users\": 4000, \"rps\": {\"api\": {\"peak\": 150}}}, \"note\": \"from their Prometheus\"}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		var filed = as("taylor.reed").post("/api/v1/sa-requests", activity(opportunity, "2026-12-02T15:00:00Z", List.of()));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);

		var request = as("sa").get("/api/v1/sa-requests/" + filed.json().path("id").asString()).json();

		assertThat(request.path("sizing").path("architecture").asString()).isEqualTo("10k");
		assertThat(request.path("sizing").path("link").asString()).startsWith("/sizing-recommendations/");
	}

	@Test
	void refusesARequestWithoutTheTemplatesInformationNamingEachField() {
		var response = as("ae").post("/api/v1/sa-requests", Http.json(Map.of("opportunityId",
				opportunity("Acme Logistics: platform consolidation"), "template", "SA_ACTIVITY", "details",
				Map.of("hosting", "SELF_MANAGED", "meeting", Map.of("why", "evaluation")))));

		ProblemAssertions.assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").toString()).contains("details.preferredDates", "details.pains",
				"details.requiredCapabilities", "details.currentTools", "details.asks", "details.meeting.objectives",
				"details.meeting.agenda", "details.meeting.attendees");
	}

	@Test
	void onlyTheOpportunityOwnerFilesAndOnlyAes() {
		var body = activity(opportunity("Acme Logistics: platform consolidation"), "2026-12-02T15:00:00Z", List.of());

		ProblemAssertions.assertProblem(as("jordan.brooks").post("/api/v1/sa-requests", body), 403, "sa-request-not-permitted");
		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests", body), 403, "forbidden");
	}

	@Test
	void selfAssignmentWithoutAnotherMembersCommentIsRefusedWithTheRule() {
		var id = file("2026-12-02T15:00:00Z", List.of()).path("id").asString();
		as("sa").post("/api/v1/sa-requests/" + id + "/comments", "{\"body\": \"I'll take it\"}");
		as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete", true,
				"understandsContext", true, "leadTime", true, "relatableExperience", true)));
		as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}");
		as("sa-manager").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}");

		var response = as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", person("Sam Rivera"))));

		ProblemAssertions.assertProblem(response, 422, "sa-request-triage-rule");
		assertThat(response.json().path("violations").get(0).path("rule").asString()).isEqualTo("triage.discussion");
		assertThat(as("ae").get("/api/v1/sa-requests/" + id).json().path("status").asString()).isEqualTo("NEW");
	}

	@Test
	void theRequestingAeNeverReviewsOrAssigns() {
		var id = file("2026-12-02T15:00:00Z", List.of()).path("id").asString();

		ProblemAssertions.assertProblem(as("ae").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}"),
				403, "sa-request-not-permitted");
		ProblemAssertions.assertProblem(as("ae").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", person("Sam Rivera")))), 403, "sa-request-not-permitted");
	}

	@Test
	void fastTrackIsMarkedAndAssignableAtOnceWithoutSecondReview() {
		var filed = file(at("2026-11-24T09:00").toString(), List.of());
		var id = filed.path("id").asString();
		assertThat(filed.path("fastTrack").asBoolean()).isTrue();
		assertThat(filed.path("labels").toString()).contains("FAST_TRACK");
		as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete", true,
				"understandsContext", true, "leadTime", false, "relatableExperience", true)));

		var assigned = as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", person("Sam Rivera"))));

		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(recorded.committed()).filteredOn(SaRequestFiled.class::isInstance).map(SaRequestFiled.class::cast)
				.filteredOn(e -> e.requestId().toString().equals(id)).singleElement()
				.satisfies(e -> assertThat(e.fastTrack()).isTrue());
	}

	@Test
	void anIncompleteCommandPlanSendsQuestionsToTheAeAndPausesTheClocks() {
		var id = file("2026-12-09T15:00:00Z", List.of()).path("id").asString();
		clock.set(at("2026-11-23T16:30"));

		var waiting = as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete",
				false, "understandsContext", true, "leadTime", true, "relatableExperience", true, "questionsForRequestor",
				"Who is the economic buyer, and what is the compelling event?")));
		assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
		assertThat(waiting.json().path("status").asString()).isEqualTo("SA_WAITING");
		assertThat(waiting.json().path("clocksPaused").asBoolean()).isTrue();
		assertThat(events("SaRequestNeedsInformation", id)).isEqualTo(1);

		// the AE answers on Wednesday 10:00: 7.5 business hours of triage were left at 16:30 Monday
		clock.set(at("2026-11-25T10:00"));
		var resumed = as("ae").post("/api/v1/sa-requests/" + id + "/requestor-answer",
				"{\"answer\": \"Maria Gonzalez is the economic buyer; the Jenkins renewal is on Jan 1\"}");
		assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
		assertThat(resumed.json().path("status").asString()).isEqualTo("NEW");
		// Wednesday 10:00-17:00 is 7 hours; Thanksgiving is off; Friday 09:00-09:30 is the last half hour
		assertThat(resumed.json().path("triageDueAt").asString()).isEqualTo(at("2026-11-27T09:30").toString());
		var thread = as("sa").get("/api/v1/sa-requests/" + id + "/thread").json();
		assertThat(thread.path("comments").toString()).contains("QUESTIONS_TO_REQUESTOR", "REQUESTOR_ANSWER");
		assertThat(thread.path("answers").path("commandPlanComplete").isNull()).as("question 1 is asked again").isTrue();
	}

	@Test
	void onlyTheRequestingAeAnswersTheCirclesQuestions() {
		var id = file("2026-12-09T15:00:00Z", List.of()).path("id").asString();
		as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete", false,
				"understandsContext", true, "leadTime", true, "relatableExperience", true, "questionsForRequestor", "Agenda?")));

		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests/" + id + "/requestor-answer",
				"{\"answer\": \"here\"}"), 403, "sa-request-not-permitted");
	}

	@Test
	void declineKeepsTheReasonAndTellsTheAe() {
		var id = file("2026-12-02T15:00:00Z", List.of()).path("id").asString();

		var declined = as("sa").post("/api/v1/sa-requests/" + id + "/decline",
				"{\"reason\": \"No agenda or attendees agreed with the customer yet\"}");

		assertThat(declined.status()).isEqualTo(200);
		assertThat(declined.json().path("status").asString()).isEqualTo("DECLINED");
		assertThat(declined.json().path("declineReason").asString()).contains("No agenda");
		assertThat(events("SaRequestDeclined", id)).isEqualTo(1);
		ProblemAssertions.assertProblem(as("sa").post("/api/v1/sa-requests/" + id + "/transitions",
				"{\"to\": \"SA_DOING\"}"), 409, "sa-request-illegal-transition");
	}

	@Test
	void twoSasAssigningAtTheSameMomentLetExactlyOneWin() throws Exception {
		var id = file("2026-12-02T15:00:00Z", List.of()).path("id").asString();
		discussAndReview(id);
		var assignees = List.of(person("Sam Rivera"), person("Diego Alvarez"));
		var actors = List.of("sa", "diego.alvarez");
		var pool = Executors.newFixedThreadPool(2);
		var start = new CountDownLatch(1);
		var futures = new ArrayList<java.util.concurrent.Future<Http.Response>>();
		for (int i = 0; i < 2; i++) {
			var actor = actors.get(i);
			// each assigns the other member, so the discussion rule holds for both
			var assignee = assignees.get(1 - i);
			futures.add(pool.submit(() -> {
				start.await();
				return as(actor).post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", assignee)));
			}));
		}
		start.countDown();
		var statuses = new ArrayList<Integer>();
		for (var future : futures) {
			statuses.add(future.get().status());
		}
		pool.shutdown();

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(events("SaRequestAssigned", id)).isEqualTo(1);
	}

	@Test
	void expediteShortensTheSla() {
		var filed = file("2026-12-02T15:00:00Z", List.of("EXPEDITE"));

		assertThat(filed.path("slaDueAt").asString()).isEqualTo(at("2026-11-24T12:00").toString());
		assertThat(filed.path("expedite").asBoolean()).isTrue();
	}

	@Test
	void slaPreviewAnswersTheDueTimesBeforeFiling() {
		var preview = as("ae").get("/api/v1/boards/commercial-amer/sla-preview?receivedAt=" + at("2026-11-27T16:00")
				+ "&expedite=false").json();

		// Friday 16:00 -> Monday 16:00 for triage, Tuesday 16:00 for the SLA
		assertThat(preview.path("triageDueAt").asString()).isEqualTo(at("2026-11-30T16:00").toString());
		assertThat(preview.path("slaDueAt").asString()).isEqualTo(at("2026-12-01T16:00").toString());
		assertThat(preview.path("reasons").toString()).contains("business day");
	}

	@Test
	void eachBoardHasItsOwnSlaPolicy() {
		var admin = as("admin");
		assertThat(admin.get("/api/v1/boards/apac/sla-policy").json().path("basis").asString()).isEqualTo("BUSINESS");

		var changed = admin.header("If-Match", "\"0\"").put("/api/v1/boards/apac/sla-policy",
				"{\"basis\": \"CALENDAR\", \"activityDays\": 3, \"expediteTime\": \"PT6H\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo("\"1\"");

		var received = java.time.Instant.parse("2026-11-27T22:00:00Z");
		var preview = as("ae").get("/api/v1/boards/apac/sla-preview?receivedAt=" + received + "&expedite=true").json();
		assertThat(preview.path("slaDueAt").asString()).isEqualTo(received.plus(java.time.Duration.ofHours(6)).toString());
		assertThat(preview.path("triageDueAt").asString()).isEqualTo(received.plus(java.time.Duration.ofHours(6)).toString());

		ProblemAssertions.assertProblem(admin.header("If-Match", "\"0\"").put("/api/v1/boards/apac/sla-policy",
				"{\"triageDays\": 2}"), 409, "stale-version");
		ProblemAssertions.assertProblem(admin.header("If-Match", "\"1\"").put("/api/v1/boards/apac/sla-policy",
				"{\"triageDays\": 0}"), 400, "validation-failed");
		ProblemAssertions.assertProblem(as("sa-manager").header("If-Match", "\"1\"").put("/api/v1/boards/apac/sla-policy",
				"{\"triageDays\": 2}"), 403, "forbidden");
	}

	@Test
	void pooledRequestsWaitForTheAsmAndTheSaManager() {
		var body = activity(opportunity("Hooli Cloud: pooled first order"), "2026-12-09T15:00:00Z", List.of());
		var filed = as("drew.kim").post("/api/v1/sa-requests", body);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		var id = filed.json().path("id").asString();
		assertThat(filed.json().path("status").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(filed.json().path("triageDueAt").isNull()).isTrue();

		assertThat(as("asm").post("/api/v1/sa-requests/" + id + "/approvals", "{\"decision\": \"APPROVE\"}").json()
				.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
		clock.set(at("2026-11-24T09:00"));
		var approved = as("sa-manager").post("/api/v1/sa-requests/" + id + "/approvals", "{\"decision\": \"APPROVE\"}");

		assertThat(approved.json().path("status").asString()).isEqualTo("NEW");
		// the clocks start at approval; a business day counted from the opening ends at that day's closing
		assertThat(approved.json().path("triageDueAt").asString()).isEqualTo(at("2026-11-24T17:00").toString());
	}

	@Test
	void aRejectedFirstYearExpandIsDeclinedWithTheAsmsReason() {
		var body = activity(opportunity("Stark Manufacturing: add 150 seats"), "2026-12-09T15:00:00Z", List.of());
		var id = as("jamie.fox").post("/api/v1/sa-requests", body).json().path("id").asString();

		ProblemAssertions.assertProblem(as("sa-manager").post("/api/v1/sa-requests/" + id + "/approvals",
				"{\"decision\": \"APPROVE\"}"), 403, "sa-request-not-permitted");
		var rejected = as("asm").post("/api/v1/sa-requests/" + id + "/approvals",
				"{\"decision\": \"REJECT\", \"reason\": \"Route to the CSM: seat expansion only\"}");

		assertThat(rejected.json().path("status").asString()).isEqualTo("DECLINED");
		assertThat(rejected.json().path("declineReason").asString()).contains("Route to the CSM");
	}

	@Test
	void clockAlertsAreRaisedOnceEach() {
		var id = file("2026-12-09T15:00:00Z", List.of()).path("id").asString();

		clock.set(at("2026-11-24T14:30"));
		clockWatch.raiseDueAlerts();
		clockWatch.raiseDueAlerts();
		clock.set(at("2026-11-24T16:00"));
		clockWatch.raiseDueAlerts();
		clock.set(at("2026-11-25T16:30"));
		clockWatch.raiseDueAlerts();
		clockWatch.raiseDueAlerts();

		var kinds = jdbc.sql("SELECT kind FROM sa_request_alert WHERE request_id = CAST(:id AS uuid) ORDER BY raised_at")
				.param("id", id).query(String.class).list();
		assertThat(kinds).containsExactly("TRIAGE_DUE_SOON", "TRIAGE_OVERDUE", "SLA_BREACHED");
		assertThat(events("SaRequestClockAlert", id)).isEqualTo(3);
	}

	@Test
	void metricsReportFastTrackShareAndAttainment() {
		// a quiet week of its own, so other tests' requests stay out of the window
		clock.set(at("2026-10-05T10:00"));
		var fast = file(at("2026-10-05T15:00").toString(), List.of()).path("id").asString();
		file("2026-10-20T15:00:00Z", List.of());
		as("sa").put("/api/v1/sa-requests/" + fast + "/triage-answers", Http.json(Map.of("commandPlanComplete", true,
				"understandsContext", true, "leadTime", false, "relatableExperience", true)));
		clock.set(at("2026-10-05T11:00"));
		as("sa").post("/api/v1/sa-requests/" + fast + "/assignment", Http.json(Map.of("assigneeId", person("Sam Rivera"))));

		var report = as("sa-manager").get("/api/v1/sa-requests/metrics?board=commercial-amer&from="
				+ at("2026-10-05T00:00") + "&to=" + at("2026-10-06T00:00")).json();

		assertThat(report.path("filed").asLong()).isEqualTo(2);
		assertThat(report.path("fastTrackShare").asDouble()).isEqualTo(0.5);
		assertThat(report.path("triaged").asLong()).isEqualTo(1);
		assertThat(report.path("triageAttainment").asDouble()).isEqualTo(1.0);
		assertThat(report.path("medianTimeToTriage").asString()).isEqualTo("PT1H");
		ProblemAssertions.assertProblem(as("ae").get("/api/v1/sa-requests/metrics"), 403, "forbidden");
	}

	@Test
	void theClockWatchRunsOnTheClusterWideScheduler() {
		var task = jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'sa-request-clock-watch'")
				.query(Long.class).single();

		assertThat(task).isEqualTo(1);
	}
	@Test
	void theRequestListPagesByCursorAsByPageNumber() {
		for (int i = 0; i < 5; i++) {
			file(i % 2 == 0 ? "2026-12-14T15:00:00Z" : "2026-12-15T19:00:00Z", List.of());
		}
		var all = as("sa").get("/api/v1/sa-requests?size=200");
		assertThat(all.status()).isEqualTo(200);
		var expected = new ArrayList<String>();
		all.json().path("items").forEach(item -> expected.add(item.path("id").asString()));
		assertThat(expected).as("requests to page through").hasSizeGreaterThan(3);

		var walked = new ArrayList<String>();
		var page = as("sa").get("/api/v1/sa-requests?size=2");
		while (true) {
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().path("items").forEach(item -> walked.add(item.path("id").asString()));
			var next = page.json().path("nextCursor");
			if (next.isNull() || next.isMissingNode()) {
				break;
			}
			assertThat(walked).as("pages so far").hasSizeLessThanOrEqualTo(expected.size());
			page = as("sa").get("/api/v1/sa-requests?size=2&cursor=" + next.asString());
		}
		assertThat(walked).isEqualTo(expected);
		assertThat(as("sa").get("/api/v1/sa-requests?cursor=not-a-cursor").status()).isEqualTo(400);
	}
}
