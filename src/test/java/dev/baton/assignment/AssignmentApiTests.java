package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations and capacity through HTTP on the demo organisation and real PostgreSQL: Alex
 * Morgan ({@code ae}) files for Acme Logistics (USD 85,000, AWS, against GitHub Enterprise) to
 * Circle Cascade on the Commercial AMER board (America/Chicago, Thanksgiving off). A meeting at
 * 15:00 UTC is 10:00 for Priya (New York), 09:00 for Diego and Kenji (Chicago), 08:00 for Sam
 * (Denver) and 07:00 for Hannah (Los Angeles).
 */
@BatonIntegrationTest
class AssignmentApiTests {

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
	void cleanUp() {
		scenario.finish();
	}

	private JsonNode recommendations(String requestId) {
		var response = scenario.as("sa").get("/api/v1/sa-requests/" + requestId + "/recommendations");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode named(JsonNode list, String name) {
		for (var item : list) {
			if (item.path("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("no " + name + " in " + list);
	}

	private static List<String> names(JsonNode list) {
		var names = new ArrayList<String>();
		list.forEach(item -> names.add(item.path("name").asString()));
		return names;
	}

	@Test
	void ranksTheCirclesSasWithFactorsAndReasonsAndExcludesThoseOutsideTheirWorkingDay() {
		var id = scenario.file("2026-12-02T15:00:00Z");

		var answer = recommendations(id);

		assertThat(answer.path("circleName").asString()).isEqualTo("Circle Cascade");
		assertThat(answer.path("board").asString()).isEqualTo("commercial-amer");
		assertThat(answer.path("otherCirclesProposed").asBoolean()).isFalse();
		assertThat(answer.path("strategic").isNull()).isTrue();
		assertThat(names(answer.path("recommendations"))).containsExactlyInAnyOrder("Priya Natarajan", "Diego Alvarez",
				"Kenji Watanabe");
		assertThat(answer.path("recommendations").get(0).path("rank").asInt()).isEqualTo(1);
		var priya = named(answer.path("recommendations"), "Priya Natarajan");
		assertThat(priya.path("total").asDouble()).isPositive();
		assertThat(priya.path("factors")).hasSize(6);
		assertThat(priya.path("reasons").toString()).contains("kubernetes: expert", "aws: expert");
		var sam = named(answer.path("excluded"), "Sam Rivera");
		assertThat(sam.path("filters").toString()).contains("working-hours");
		assertThat(sam.path("reasons").get(0).asString()).contains("America/Denver", "Wed 2 Dec 08:00");
		assertThat(names(answer.path("excluded"))).contains("Hannah Cole");
	}

	@Test
	void excludesAnSaOnPtoOverTheMeetingDay() {
		var id = scenario.file("2026-12-02T15:00:00Z");
		scenario.away("Priya Natarajan", "PTO", "2026-12-01", "2026-12-03");

		var answer = recommendations(id);

		assertThat(names(answer.path("recommendations"))).doesNotContain("Priya Natarajan");
		var priya = named(answer.path("excluded"), "Priya Natarajan");
		assertThat(priya.path("filters").toString()).contains("absence");
		assertThat(priya.path("reasons").toString()).contains("on PTO 1-3 Dec");
	}

	@Test
	void saysSoWhenNoSaOfTheCircleCanMeet() {
		// Saturday 5 December, 16:00 UTC: nobody's working day
		var id = scenario.file("2026-12-05T16:00:00Z");

		var answer = recommendations(id);

		assertThat(answer.path("otherCirclesProposed").asBoolean()).isTrue();
		assertThat(answer.path("note").asString()).startsWith("No SA of Circle Cascade passes the filters");
		assertThat(answer.path("recommendations").toString()).doesNotContain("Circle Cascade\",\"otherCircle\":false");
		assertThat(names(answer.path("excluded"))).contains("Priya Natarajan", "Sam Rivera", "Diego Alvarez",
				"Hannah Cole", "Kenji Watanabe");
	}

	@Test
	void proposesSasOfAnotherCircleOfTheBoardWhenNoneOfTheCircleCanTakeIt() {
		var id = scenario.file("2026-12-02T15:00:00Z");
		for (var name : List.of("Priya Natarajan", "Diego Alvarez", "Sam Rivera", "Hannah Cole", "Kenji Watanabe")) {
			scenario.away(name, "PTO", "2026-12-02", "2026-12-02");
		}
		var unique = Long.toString(System.nanoTime(), 36);
		var sa = scenario.as("admin").post("/api/v1/people", Http.json(Map.of("name", "Rowan Ellis " + unique, "email",
				"rowan." + unique + "@people.example", "title", "Senior Solutions Architect", "role", "SA", "seniority",
				"SENIOR", "regionKey", "AMER", "timeZone", "America/Chicago", "skills", Map.of("kubernetes", "EXPERT"))));
		assertThat(sa.status()).as(sa.body()).isEqualTo(201);
		var rainier = scenario.as("admin").post("/api/v1/circles", Http.json(Map.of("name", "Circle Rainier " + unique, "boardKey",
				"commercial-amer", "memberIds", List.of(sa.json().path("id").asString()))));
		assertThat(rainier.status()).as(rainier.body()).isEqualTo(201);
		try {
			var answer = recommendations(id);

			assertThat(answer.path("otherCirclesProposed").asBoolean()).isTrue();
			assertThat(answer.path("note").asString()).startsWith("No SA of Circle Cascade passes the filters")
					.contains("proposing SAs from other circles of board commercial-amer");
			var rowan = named(answer.path("recommendations"), "Rowan Ellis " + unique);
			assertThat(rowan.path("otherCircle").asBoolean()).isTrue();
			assertThat(rowan.path("circleName").asString()).isEqualTo("Circle Rainier " + unique);
			assertThat(rowan.path("reasons").toString()).contains("kubernetes: expert");
			assertThat(named(answer.path("excluded"), "Diego Alvarez").path("reasons").toString()).contains("on PTO 2 Dec");
		} finally {
			var emptied = scenario.as("admin").header("If-Match", "\"0\"").put("/api/v1/circles/"
					+ rainier.json().path("id").asString() + "/members", "{\"memberIds\": []}");
			assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
		}
	}

	@Test
	void proposesWhoCoversEachRequestOfAnSaAwayOverTwoWeeks() {
		var id = scenario.file("2026-12-02T15:00:00Z");
		assertThat(scenario.as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/comments",
				"{\"body\": \"Kenji could take this with Priya assisting\"}").status()).isEqualTo(201);
		assertThat(scenario.as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete",
				true, "understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(scenario.as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		assertThat(scenario.as("sa-manager").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		var kenji = scenario.person("Kenji Watanabe");
		var assigned = scenario.as("sa").post("/api/v1/sa-requests/" + id + "/assignment", Http.json(Map.of("assigneeId", kenji)));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		try {
			scenario.away("Kenji Watanabe", "PTO", "2026-11-30", "2026-12-18");

			var response = scenario.as("sa-manager").get("/api/v1/people/" + kenji + "/coverage-plan");

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			var plan = response.json();
			assertThat(plan.path("needed").asBoolean()).isTrue();
			assertThat(plan.path("reasons").toString()).contains("away 19 days (30 Nov-18 Dec)",
					"over 2 weeks");
			JsonNode cover = null;
			for (var item : plan.path("requests")) {
				if (item.path("requestId").asString().equals(id)) {
					cover = item;
				}
			}
			assertThat(cover).as(plan.toString()).isNotNull();
			assertThat(cover.path("proposed").path("name").asString()).isNotBlank().isNotEqualTo("Kenji Watanabe");
			assertThat(cover.path("alternatives").toString()).doesNotContain("Kenji Watanabe");
		} finally {
			scenario.as("sa").post("/api/v1/sa-requests/" + id + "/decline", "{\"reason\": \"test over\"}");
		}
	}

	@Test
	void capacityShowsLoadStatusAndBookedAbsencesPerSaWithCircleTotals() {
		scenario.away("Kenji Watanabe", "PTO", "2026-11-25", "2026-12-01");
		scenario.away("Hannah Cole", "SICK", "2026-11-23", "2026-11-23");

		var response = scenario.as("sa-manager").get("/api/v1/circles/" + scenario.circle("Circle Cascade") + "/capacity");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var capacity = response.json();
		assertThat(capacity.path("asOf").asString()).isEqualTo("2026-11-23");
		assertThat(capacity.path("members")).hasSize(5);
		var kenji = named(capacity.path("members"), "Kenji Watanabe");
		// 9 working days from 23 Nov (Thanksgiving off); away Wed 25, Fri 27, Mon 30, Tue 1
		assertThat(kenji.path("workingDays").asInt()).isEqualTo(9);
		assertThat(kenji.path("daysOut").asInt()).isEqualTo(4);
		assertThat(kenji.path("capacity").asDouble()).isEqualTo(3.33);
		var hannah = named(capacity.path("members"), "Hannah Cole");
		assertThat(hannah.path("status").asString()).isEqualTo("OUT");
		assertThat(hannah.path("statusLabel").asString()).isEqualTo("Out");
		assertThat(capacity.path("totals").path("members").asInt()).isEqualTo(5);
		assertThat(capacity.path("totals").path("statuses").path("OUT").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(capacity.path("totals").path("capacity").asDouble()).isLessThan(30.0);
	}

	@Test
	void refusesClosedRequestsUnknownRequestsAndAes() {
		var id = scenario.file("2026-12-02T15:00:00Z");

		ProblemAssertions.assertProblem(scenario.as("ae").get("/api/v1/sa-requests/" + id + "/recommendations"), 403, "forbidden");
		ProblemAssertions.assertProblem(
				scenario.as("sa").get("/api/v1/sa-requests/00000000-0000-0000-0000-000000000000/recommendations"), 404, "not-found");
		var declined = scenario.as("sa").post("/api/v1/sa-requests/" + id + "/decline", "{\"reason\": \"Duplicate of another request\"}");
		assertThat(declined.status()).as(declined.body()).isEqualTo(200);
		ProblemAssertions.assertProblem(scenario.as("sa").get("/api/v1/sa-requests/" + id + "/recommendations"), 409,
				"assignment-request-closed");
	}
}
