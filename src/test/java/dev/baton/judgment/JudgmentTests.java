package dev.baton.judgment;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;
import tools.jackson.databind.JsonNode;

/**
 * SA Judgments through HTTP under the default rule: EMEA, a Commercial segment, Net ARR over 50K,
 * stage 3 or later.
 */
@BatonIntegrationTest
class JudgmentTests {

	@LocalServerPort
	int port;

	DealFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new DealFixtures(port);
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private JsonNode emea(String stage, int netArr, String forecast) {
		var overrides = new LinkedHashMap<String, Object>();
		overrides.put("ownerEmail", "sophie.dubois@baton.example");
		overrides.put("regionKey", "EMEA");
		overrides.put("stage", stage);
		overrides.put("netArr", Map.of("amount", netArr, "currency", "EUR"));
		overrides.put("forecastCategory", forecast);
		return fixtures.opportunity(overrides);
	}

	private static Map<String, Object> judgment(String color, String comment) {
		var checklist = new LinkedHashMap<String, Object>();
		checklist.put("customerKnowledge", true);
		checklist.put("clearUseCases", true);
		checklist.put("productMatch", true);
		checklist.put("accessToTeams", false);
		checklist.put("technicalBuyer", false);
		checklist.put("responsiveness", true);
		return Map.of("color", color, "comment", comment, "checklist", checklist);
	}

	private static List<String> ids(Http.Response response, String field) {
		var ids = new ArrayList<String>();
		response.json().forEach(item -> ids.add(item.path(field).asString()));
		return ids;
	}

	@Test
	void listsRequiredOpportunitiesWithoutAJudgmentUntilOneIsRecorded() {
		var required = emea("3-Technical Evaluation", 60000, "Best Case").path("id").asString();
		var small = emea("3-Technical Evaluation", 50000, "Best Case").path("id").asString();
		var early = emea("2-Scoping", 90000, "Best Case").path("id").asString();
		var amer = fixtures.opportunity(Map.of("netArr", Map.of("amount", 90000, "currency", "USD"))).path("id").asString();

		var missing = ids(as("sa-manager").get("/api/v1/governance/judgments/missing"), "opportunityId");
		assertThat(missing).contains(required).doesNotContain(small, early, amer);
		assertThat(as("sa").get("/api/v1/opportunities/" + required + "/judgments").json().path("required").asBoolean())
				.isTrue();
		assertThat(as("sa").get("/api/v1/opportunities/" + small + "/judgments").json().path("requirement").asString())
				.contains("not over 50000");

		var recorded = as("sa").post("/api/v1/opportunities/" + required + "/judgments",
				Http.json(judgment("RED", "No access to technical buyers, no clear use case")));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().path("line").asString()).isEqualTo("[RED] No access to technical buyers, no clear use case");
		assertThat(recorded.json().path("checklistMet").asInt()).isEqualTo(4);
		assertThat(ids(as("sa-manager").get("/api/v1/governance/judgments/missing"), "opportunityId")).doesNotContain(required);
	}

	@Test
	void keepsEveryJudgmentNewestFirst() {
		var id = emea("4-Proposal", 70000, "Best Case").path("id").asString();
		as("sa").post("/api/v1/opportunities/" + id + "/judgments", Http.json(judgment("YELLOW", "Scope still moving")));
		as("sa").post("/api/v1/opportunities/" + id + "/judgments", Http.json(judgment("GREEN", "Buyer engaged")));
		var history = as("ae").get("/api/v1/opportunities/" + id + "/judgments").json().path("judgments");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).path("color").asString()).isEqualTo("GREEN");
		assertThat(history.get(1).path("color").asString()).isEqualTo("YELLOW");
	}

	@Test
	void refusesIncompleteJudgmentsAndNonSas() {
		var id = emea("3-Technical Evaluation", 70000, "Best Case").path("id").asString();
		var response = as("sa").post("/api/v1/opportunities/" + id + "/judgments",
				Http.json(Map.of("color", "GREEN", "comment", "two\nlines", "checklist", Map.of("productMatch", true))));
		assertProblem(response, 400, "validation-failed");
		var fields = new ArrayList<String>();
		response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
		assertThat(fields).contains("comment", "checklist.customerKnowledge", "checklist.responsiveness")
				.doesNotContain("checklist.productMatch");
		assertProblem(as("ae").post("/api/v1/opportunities/" + id + "/judgments",
				Http.json(judgment("GREEN", "AE optimism"))), 403, "forbidden");
		assertThat(as("sa").get("/api/v1/opportunities/" + id + "/judgments").json().path("judgments")).isEmpty();
	}

	@Test
	void reportsJudgmentsThatDisagreeWithTheForecast() {
		var commitYellow = emea("4-Proposal", 70000, "Commit").path("id").asString();
		var commitGreen = emea("4-Proposal", 70000, "Commit").path("id").asString();
		var pipelineGreen = emea("3-Technical Evaluation", 70000, "Pipeline").path("id").asString();
		as("sa").post("/api/v1/opportunities/" + commitYellow + "/judgments", Http.json(judgment("YELLOW", "Security review pending")));
		as("sa").post("/api/v1/opportunities/" + commitGreen + "/judgments", Http.json(judgment("GREEN", "All good")));
		as("sa").post("/api/v1/opportunities/" + pipelineGreen + "/judgments", Http.json(judgment("GREEN", "Strong fit")));

		var misaligned = as("sa-manager").get("/api/v1/governance/judgments/misaligned");
		assertThat(ids(misaligned, "opportunityId")).contains(commitYellow, pipelineGreen).doesNotContain(commitGreen);
		for (var item : misaligned.json()) {
			if (item.path("opportunityId").asString().equals(commitYellow)) {
				assertThat(item.path("reason").asString()).contains("commits").contains("YELLOW");
			}
		}
	}

	@Test
	void calibratesEachSaAgainstWonAndLostOutcomes() {
		var sa = "judge-" + DealFixtures.unique();
		var saId = fixtures.personWithLogin(sa, List.of("SA"), "SA");
		var won = emea("4-Proposal", 70000, "Commit");
		var lost = emea("4-Proposal", 70000, "Best Case");
		var greenLost = emea("4-Proposal", 70000, "Commit");
		var judge = fixtures.login(sa);
		judge.post("/api/v1/opportunities/" + won.path("id").asString() + "/judgments", Http.json(judgment("GREEN", "Fit")));
		judge.post("/api/v1/opportunities/" + lost.path("id").asString() + "/judgments", Http.json(judgment("RED", "No buyer")));
		judge.post("/api/v1/opportunities/" + greenLost.path("id").asString() + "/judgments", Http.json(judgment("GREEN", "Fit")));
		fixtures.stage(won.path("externalId").asString(), "Closed Won");
		fixtures.stage(lost.path("externalId").asString(), "Closed Lost");
		fixtures.stage(greenLost.path("externalId").asString(), "Closed Lost");

		JsonNode mine = null;
		for (var row : as("sa-manager").get("/api/v1/governance/judgments/calibration").json()) {
			if (row.path("saId").asString().equals(saId)) {
				mine = row;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("judgedClosed").asInt()).isEqualTo(3);
		assertThat(mine.path("green").asInt()).isEqualTo(2);
		assertThat(mine.path("greenWon").asInt()).isEqualTo(1);
		assertThat(mine.path("greenWonShare").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(mine.path("red").asInt()).isEqualTo(1);
		assertThat(mine.path("redLostShare").decimalValue()).isEqualByComparingTo("1");
	}
}
