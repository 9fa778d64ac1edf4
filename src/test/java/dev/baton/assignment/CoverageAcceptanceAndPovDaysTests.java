package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/**
 * Accepting a coverage plan, and POV days reducing capacity, through HTTP on the demo
 * organisation. The absent SA is a new SA of a new circle on the Commercial AMER board, managed by
 * Morgan Lee ({@code sa-manager}), who holds a Circle Cascade request as a cross-circle hand-off,
 * so no other test's requests are handed over.
 */
@BatonIntegrationTest
class CoverageAcceptanceAndPovDaysTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private AssignmentScenario scenario;

	@BeforeEach
	void mondayFourPmInChicago() {
		scenario = new AssignmentScenario(port, clock);
		scenario.start();
	}

	@AfterEach
	void backToNow() {
		scenario.finish();
	}

	/** Files an Acme request asking for a Kubernetes SA, ready to assign. */
	private String file(List<String> asks, String meeting) {
		var id = scenario.file(asks, List.of("Kubernetes"), meeting);
		scenario.readyToAssign(id);
		return id;
	}

	private static JsonNode member(JsonNode capacity, String name) {
		for (var member : capacity.path("members")) {
			if (member.path("name").asString().equals(name)) {
				return member;
			}
		}
		throw new AssertionError("no " + name + " in " + capacity);
	}

	/** A new SA of the test's own, alone in a new circle on Commercial AMER, reporting to Morgan Lee. */
	private record Newcomer(String id, String name, String circleId) {
	}

	private Newcomer newSaInOwnCircle(String name, String circleName) {
		var unique = Long.toString(System.nanoTime(), 36);
		var morgan = scenario.person("Morgan Lee");
		var fullName = name + " " + unique;
		var sa = scenario.as("admin").post("/api/v1/people", Http.json(Map.of("name", fullName, "email",
				"sa." + unique + "@people.example", "title", "Solutions Architect", "role", "SA", "seniority", "SA",
				"regionKey", "AMER", "timeZone", "America/Chicago", "managerId", morgan)));
		assertThat(sa.status()).as(sa.body()).isEqualTo(201);
		var id = sa.json().path("id").asString();
		var circle = scenario.as("admin").post("/api/v1/circles", Http.json(Map.of("name", circleName + " " + unique, "boardKey",
				"commercial-amer", "managerId", morgan, "memberIds", List.of(id))));
		assertThat(circle.status()).as(circle.body()).isEqualTo(201);
		return new Newcomer(id, fullName, circle.json().path("id").asString());
	}

	/** Books PTO from 30 November to 18 December, long enough to need a coverage plan; answers its path. */
	private String threeWeeksOfPto(String personId) {
		var pto = scenario.as("admin").post("/api/v1/people/" + personId + "/absences",
				Http.json(Map.of("kind", "PTO", "startDate", "2026-11-30", "endDate", "2026-12-18")));
		assertThat(pto.status()).as(pto.body()).isEqualTo(201);
		return "/api/v1/people/" + personId + "/absences/" + pto.json().path("id").asString();
	}

	/** Cancels the absence and empties the circle, so no other test's work goes to the newcomer. */
	private void disband(Newcomer newcomer, String absence) {
		if (absence != null) {
			scenario.as("admin").delete(absence);
		}
		var emptied = scenario.as("admin").header("If-Match", "\"0\"").put("/api/v1/circles/" + newcomer.circleId() + "/members",
				"{\"memberIds\": []}");
		assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
	}

	@Test
	void theManagerAcceptsTheWholePlanAndOthersMayNot() {
		var newcomer = newSaInOwnCircle("Quinn Hale", "Circle Shasta");
		var quinn = newcomer.id();
		String absence = null;
		try {
			var id = file(List.of("DEMO"), "2026-12-02T15:00:00Z");
			scenario.assign(id, quinn);
			absence = threeWeeksOfPto(quinn);
			var version = scenario.as("sa").get("/api/v1/sa-requests/" + id).json().path("version").asInt();

			ProblemAssertions.assertProblem(scenario.as("priya.natarajan").post("/api/v1/people/" + quinn
					+ "/coverage-plan/acceptance", "{}"), 403, "sa-request-not-permitted");
			ProblemAssertions.assertProblem(scenario.as("sa-manager").post("/api/v1/people/" + quinn + "/coverage-plan/acceptance",
					Http.json(Map.of("expectedVersions", Map.of(id, version - 1)))), 409, "stale-version");
			assertThat(scenario.as("sa").get("/api/v1/sa-requests/" + id).json().path("assigneeId").asString()).isEqualTo(quinn);

			var accepted = scenario.as("sa-manager").post("/api/v1/people/" + quinn + "/coverage-plan/acceptance",
					Http.json(Map.of("expectedVersions", Map.of(id, version))));

			assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
			var handed = accepted.json().path("handedOver").get(0);
			assertThat(handed.path("requestId").asString()).isEqualTo(id);
			assertThat(handed.path("handOverNote").asString()).contains(newcomer.name() + " is on PTO 30 Nov-18 Dec");
			var request = scenario.as("sa").get("/api/v1/sa-requests/" + id).json();
			assertThat(request.path("assigneeId").asString()).isEqualTo(handed.path("toPersonId").asString())
					.isNotEqualTo(quinn);
			assertThat(scenario.as("sa").get("/api/v1/sa-requests/" + id + "/thread").json().path("comments").toString())
					.contains("HAND_OVER", "is on PTO 30 Nov-18 Dec");
			ProblemAssertions.assertProblem(scenario.as("sa-manager").post("/api/v1/people/" + scenario.person("Diego Alvarez")
					+ "/coverage-plan/acceptance", "{}"), 409, "assignment-no-coverage-needed");
		} finally {
			disband(newcomer, absence);
		}
	}

	@Test
	void theManagerAcceptsThePlanWithTheButtonOnTheCirclePage() {
		var newcomer = newSaInOwnCircle("Rowan Vale", "Circle Rainier");
		var rowan = newcomer.id();
		String absence = null;
		try {
			var id = file(List.of("DEMO"), "2026-12-02T15:00:00Z");
			scenario.assign(id, rowan);
			absence = threeWeeksOfPto(rowan);
			var manager = dev.baton.PageSession.as(port, "sa-manager");
			var page = "/circles/" + newcomer.circleId();
			assertThat(manager.get(page).body()).contains("Accept the coverage plan for " + newcomer.name())
					.doesNotContain("disabled aria-label=\"Accept the coverage plan");

			var accepted = manager.follow(manager.submit(page, "/people/" + rowan + "/coverage-plan/acceptance",
					"returnTo", page));

			assertThat(accepted.body()).contains(newcomer.name() + ": 1 request handed over.");
			assertThat(scenario.as("sa").get("/api/v1/sa-requests/" + id).json().path("assigneeId").asString()).isNotEqualTo(rowan);
			var outsider = dev.baton.PageSession.as(port, "priya.natarajan");
			var refused = outsider.follow(outsider.submit("/my/work", "/people/" + rowan + "/coverage-plan/acceptance",
					"returnTo", "https://elsewhere.example/"));
			assertThat(refused.body()).contains("their manager or an admin accepts their coverage plan")
					.doesNotContain("PTO 30 Nov");
			var ae = dev.baton.PageSession.as(port, "ae");
			assertThat(ae.submit("/my/requests", "/people/" + rowan + "/coverage-plan/acceptance").status())
					.isEqualTo(403);
		} finally {
			disband(newcomer, absence);
		}
	}

	@Test
	void povDaysOfHeldRequestsInTheNextTwoWeeksReduceCapacity() {
		var cascadeId = DemoOrganisation.circle(scenario.as("admin"), "Circle Cascade");
		var before = member(scenario.as("sa-manager").get("/api/v1/circles/" + cascadeId + "/capacity").json(), "Kenji Watanabe");
		// Thursday 3 December, in the horizon; a POV
		var id = file(List.of("POV"), "2026-12-03T15:00:00Z");
		scenario.assign(id, scenario.person("Kenji Watanabe"));
		try {
			var after = member(scenario.as("sa-manager").get("/api/v1/circles/" + cascadeId + "/capacity").json(), "Kenji Watanabe");

			assertThat(after.path("povDays").asInt()).isEqualTo(before.path("povDays").asInt() + 1);
			assertThat(after.path("capacity").asDouble()).isLessThan(before.path("capacity").asDouble());
			assertThat(after.path("reasons").toString()).contains("POV day");
		} finally {
			scenario.as("sa").post("/api/v1/sa-requests/" + id + "/transitions", "{\"to\": \"SA_DOING\"}");
			scenario.as("sa").post("/api/v1/sa-requests/" + id + "/transitions", "{\"to\": \"DONE\"}");
		}
	}
}
