package dev.baton.postsales;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * Post-sales work through HTTP: stage changes from the CRM create tasks for the AE (Alex Morgan,
 * {@code ae}) and the SA on the deal (Sam Rivera, {@code sa}); the after-close redirect.
 */
@BatonIntegrationTest
class PostSalesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	DealFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new DealFixtures(port);
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	/** Sam Rivera assigned to a request on the opportunity, as triage would leave it. */
	private void samWorksOn(String opportunityId) {
		var admin = fixtures.as("admin");
		var cascade = DemoOrganisation.circle(admin, "Circle Cascade");
		var now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO sa_request (id, opportunity_id, requester_id, circle_id, board_key, template, title, details,
				    advisories, approval_gate, tech_eval_at_risk, fast_track, status, labels, assignee_id, triaged_at,
				    version, created_at, updated_at)
				VALUES (:id, :opportunity, :requester, :circle, 'commercial-amer', 'SA_ACTIVITY', 'Demo', '{}'::jsonb,
				    '[]'::jsonb, 'NONE', false, false, 'SA_DOING', '{}', :sa, :now, 0, :now, :now)
				""").param("id", UUID.randomUUID()).param("opportunity", UUID.fromString(opportunityId))
				.param("requester", UUID.fromString(DemoOrganisation.person(admin, "Alex Morgan")))
				.param("circle", UUID.fromString(cascade))
				.param("sa", UUID.fromString(DemoOrganisation.person(admin, "Sam Rivera"))).param("now", now).update();
	}

	private static List<JsonNode> tasksOn(Http.Response response, String opportunityId, String kind) {
		var found = new ArrayList<JsonNode>();
		response.json().forEach(t -> {
			if (t.path("opportunityId").asString().equals(opportunityId) && t.path("kind").asString().equals(kind)) {
				found.add(t);
			}
		});
		return found;
	}

	@Test
	void negotiatingStartsTheCsmTransitionForTheAeAndTheSaOnce() {
		var opportunity = fixtures.opportunity(Map.of());
		var id = opportunity.path("id").asString();
		samWorksOn(id);
		assertThat(tasksOn(fixtures.as("ae").get("/api/v1/me/tasks"), id, "CSM_TRANSITION")).isEmpty();

		fixtures.stage(opportunity.path("externalId").asString(), "5-Negotiating");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(tasksOn(fixtures.as("ae").get("/api/v1/me/tasks"), id, "CSM_TRANSITION")).hasSize(1);
			assertThat(tasksOn(fixtures.as("sa").get("/api/v1/me/tasks"), id, "CSM_TRANSITION")).hasSize(1);
		});
		fixtures.stage(opportunity.path("externalId").asString(), "6-Awaiting Signature");
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(fixtures.as("admin").get("/api/v1/opportunities/" + id + "/tasks").json()).hasSize(2));

		var task = tasksOn(fixtures.as("ae").get("/api/v1/me/tasks"), id, "CSM_TRANSITION").get(0).path("id").asString();
		var page = PageSession.login(port, "ae");
		assertThat(page.get("/governance/tasks").body()).contains("Introduce " + opportunity.path("name").asString())
				.contains("/governance/tasks/" + task + "/complete");
		var refused = fixtures.as("sa-manager").post("/api/v1/governance/tasks/" + task + "/completion", "{}");
		assertProblem(refused, 403, "governance-not-permitted");
		assertThat(refused.json().path("violations").get(0).path("rule").asString())
				.isEqualTo(PostSalesRule.COMPLETE_OWN_TASK.id());
		var done = fixtures.as("ae").post("/api/v1/governance/tasks/" + task + "/completion", "{}");
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().path("completedBy").asString()).isEqualTo("ae");
		assertProblem(fixtures.as("ae").post("/api/v1/governance/tasks/" + task + "/completion", "{}"), 409,
				"governance-task-already-done");
		assertThat(tasksOn(fixtures.as("ae").get("/api/v1/me/tasks?openOnly=true"), id, "CSM_TRANSITION")).isEmpty();
		assertThat(page.get("/governance/tasks").body()).doesNotContain("/governance/tasks/" + task + "/complete");
	}

	@Test
	void closedWonNetNewSmbSchedulesLiveOptimizationOneToTwoMonthsOut() {
		clock.set(Instant.parse("2026-12-01T15:00:00Z"));
		var smb = fixtures.opportunity(Map.of("segment", "SMB_FIRST_ORDER", "closeDate", "2026-12-01"));
		var named = fixtures.opportunity(Map.of("segment", "SMB_NAMED"));
		samWorksOn(smb.path("id").asString());
		fixtures.stage(smb.path("externalId").asString(), "Closed Won");
		fixtures.stage(named.path("externalId").asString(), "Closed Won");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(tasksOn(fixtures.as("sa").get("/api/v1/me/tasks"), smb.path("id").asString(), "LIVE_OPTIMIZATION"))
						.hasSize(1));
		var task = tasksOn(fixtures.as("sa").get("/api/v1/me/tasks"), smb.path("id").asString(), "LIVE_OPTIMIZATION").get(0);
		// one month after 1 December is New Year's Day, a holiday on the Commercial AMER board
		assertThat(task.path("dueDate").asString()).isEqualTo("2027-01-04");
		assertThat(task.path("latestDate").asString()).isEqualTo("2027-02-01");
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
				assertThat(fixtures.as("admin").get("/api/v1/opportunities/" + named.path("id").asString() + "/tasks").json())
						.isEmpty());
	}

	@Test
	void redirectsCustomersToSupportCopyingTheCsmWhenOneIsAligned() {
		var opportunity = fixtures.opportunity(Map.of());
		var account = opportunity.path("accountId").asString();
		var without = fixtures.as("sa").get("/api/v1/accounts/" + account + "/support-redirect");
		assertThat(without.status()).as(without.body()).isEqualTo(200);
		assertThat(without.json().path("csmAligned").asBoolean()).isFalse();
		assertThat(without.json().path("text").asString()).startsWith("Thanks for reaching out!")
				.contains("I have copied your Account Executive, Alex Morgan").doesNotContain("Customer Success Manager")
				.contains("Sam Rivera");

		assertProblem(fixtures.as("sa").put("/api/v1/accounts/" + account + "/csm",
				Http.json(Map.of("csmId", DemoOrganisation.person(fixtures.as("admin"), "Nora Quinn")))), 403, "forbidden");
		assertProblem(fixtures.as("asm").put("/api/v1/accounts/" + account + "/csm",
				Http.json(Map.of("csmId", DemoOrganisation.person(fixtures.as("admin"), "Alex Morgan")))), 400, "validation-failed");
		fixtures.as("asm").put("/api/v1/accounts/" + account + "/csm",
				Http.json(Map.of("csmId", DemoOrganisation.person(fixtures.as("admin"), "Nora Quinn"))));
		var with = fixtures.as("sa").get("/api/v1/accounts/" + account + "/support-redirect").json();
		assertThat(with.path("csmAligned").asBoolean()).isTrue();
		assertThat(with.path("text").asString())
				.contains("I have copied your Customer Success Manager, Nora Quinn").contains("Alex Morgan");
	}

	@Test
	void aHistoricalClosedWonGetsItsWindowFromTheCloseDateNotFromTheImport() {
		clock.set(Instant.parse("2027-01-05T15:00:00Z"));
		// closed won on 14 December, told to Baton three weeks later: due a month after the close
		var late = fixtures.opportunity(Map.of("segment", "SMB_FIRST_ORDER", "closeDate", "2026-12-14"));
		// closed won on 30 November: the window opened on 30 December, so the task is due at once
		var later = fixtures.opportunity(Map.of("segment", "SMB_FIRST_ORDER", "closeDate", "2026-11-30"));
		fixtures.stage(late.path("externalId").asString(), "Closed Won");
		fixtures.stage(later.path("externalId").asString(), "Closed Won");
		var task = liveOptimization(late.path("id").asString());
		assertThat(task.path("dueDate").asString()).isEqualTo("2027-01-14");
		assertThat(task.path("latestDate").asString()).isEqualTo("2027-02-12");
		var overdue = liveOptimization(later.path("id").asString());
		assertThat(overdue.path("dueDate").asString()).isEqualTo("2027-01-05");
		assertThat(overdue.path("latestDate").asString()).isEqualTo("2027-01-29");
	}

	private JsonNode liveOptimization(String opportunityId) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(fixtures.as("admin").get("/api/v1/opportunities/" + opportunityId + "/tasks").json()).hasSize(1));
		var task = fixtures.as("admin").get("/api/v1/opportunities/" + opportunityId + "/tasks").json().get(0);
		assertThat(task.path("kind").asString()).isEqualTo("LIVE_OPTIMIZATION");
		return task;
	}

	@Test
	void aClosedWonWhoseWindowHasPassedGetsNoTask() {
		clock.set(Instant.parse("2027-01-20T15:00:00Z"));
		var old = fixtures.opportunity(Map.of("segment", "SMB_FIRST_ORDER", "closeDate", "2026-06-30"));
		var recent = fixtures.opportunity(Map.of("segment", "SMB_FIRST_ORDER", "closeDate", "2027-01-19"));
		fixtures.stage(old.path("externalId").asString(), "Closed Won");
		fixtures.stage(recent.path("externalId").asString(), "Closed Won");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(fixtures.as("admin").get("/api/v1/opportunities/" + recent.path("id").asString() + "/tasks").json())
						.hasSize(1));
		assertThat(fixtures.as("admin").get("/api/v1/opportunities/" + old.path("id").asString() + "/tasks").json()).isEmpty();
	}
}
