package dev.baton.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import tools.jackson.databind.JsonNode;

/**
 * The sizing calculation API: recommendations, editions and the measurement guide, its Problem
 * Details for bad input, and who may call it.
 */
@BatonIntegrationTest
class SizingApiTests {

	private static final String DOCS_EXAMPLE = """
			{"users": 3000,
			 "rps": {"api": {"peak": 150, "sustained": 90}},
			 "repositories": {"largestRepositoryGb": 12, "monorepoCount": 2, "monorepoUse": "HEAVY"},
			 "availability": {"highAvailability": true},
			 "hosting": {"kubernetesExperience": "STRONG", "kubernetesPreference": "STATELESS_ON_KUBERNETES",
			             "cloudProvider": "AWS"}}
			""";

	@LocalServerPort
	int port;

	private Http as(String username) {
		return Http.to(port).as(username);
	}

	private Http.Response recommend(String body) {
		return as("sa").post("/api/v1/sizing/recommendations", body);
	}

	@Test
	void recommends10kFor150ApiRequestsPerSecondWithEveryReason() {
		var response = recommend("{\"rps\": {\"api\": {\"peak\": 150}}}");

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("architecture").path("id").asString()).isEqualTo("10k");
		assertThat(body.path("basis").asString()).isEqualTo("PEAK_RPS");
		assertThat(body.path("edition").asString()).isEqualTo("2025-12");
		assertThat(body.path("rules").get(0).path("rule").asString()).isEqualTo(RuleNames.REQUEST_RATES);
		assertThat(body.path("rules").get(0).path("reasons").toString())
				.contains("API peak 150 RPS exceeds the 5k target of 100 RPS; 10k (200 RPS) fits");
		assertThat(body.path("components").path("virtualMachines").size()).isPositive();
		assertThat(body.path("components").path("virtualMachineTotals").path("nodes").asInt()).isPositive();
	}

	@Test
	void answersTheDocsWorkedExampleWithDeploymentGitalyAndAdjustments() {
		var body = recommend(DOCS_EXAMPLE).json();

		assertThat(body.path("summary").asString()).startsWith("10k");
		assertThat(body.path("deployment").asString()).isEqualTo("CLOUD_NATIVE_HYBRID");
		assertThat(body.path("gitaly").path("topology").asString()).isEqualTo("CLUSTER_PRAEFECT");
		assertThat(body.path("adjustments").size()).isPositive();
		assertThat(body.path("components").path("kubernetesNodePools").size()).isPositive();
	}

	@Test
	void recommendsFromANamedEdition() {
		var response = as("ae").post("/api/v1/sizing/recommendations?edition=2025-12", "{\"users\": 1000}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("architecture").path("id").asString()).isEqualTo("1k");
	}

	@Test
	void unknownEditionIs404WithTheAvailableOnes() {
		var response = recommend("{\"users\": 1000}");
		var unknown = as("sa").post("/api/v1/sizing/recommendations?edition=1999-01", "{\"users\": 1000}");

		assertThat(response.status()).isEqualTo(200);
		assertProblem(unknown, 404, "sizing-edition-not-found");
		assertThat(unknown.json().path("available").toString()).contains("2025-12");
	}

	@Test
	void negativeRateIs400NamingTheField() {
		var response = recommend("{\"rps\": {\"api\": {\"peak\": -5}}}");

		assertProblem(response, 400, "validation-failed");
		assertThat(field(response, 0)).isEqualTo("rps.api.peak");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("must not be negative");
	}

	@Test
	void sustainedAbovePeakIs400NamingTheSustainedRate() {
		var response = recommend("{\"rps\": {\"web\": {\"peak\": 10, \"sustained\": 12}}}");

		assertProblem(response, 400, "validation-failed");
		assertThat(field(response, 0)).isEqualTo("rps.web.sustained");
	}

	@Test
	void everyWrongFieldIsNamedAtOnce() {
		var response = recommend("""
				{"users": -1, "rps": {"gitPush": {"peak": 1, "sustained": 2}},
				 "automation": {"offHoursShareOfPeak": 1.5},
				 "availability": {"recoveryTimeObjective": "whenever"}}
				""");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("users",
				"rps.gitPush.sustained", "automation.offHoursShareOfPeak", "availability.recoveryTimeObjective");
	}

	@Test
	void noLoadAtAllIs400AskingForUsersOrARate() {
		var response = recommend("{}");

		assertProblem(response, 400, "validation-failed");
		assertThat(field(response, 0)).isEqualTo("users");
	}

	@Test
	void unknownEnumValueIs400ListingTheChoices() {
		var response = recommend("{\"users\": 100, \"hosting\": {\"cloudProvider\": \"MARS\"}}");

		assertProblem(response, 400, "malformed-body");
		assertThat(field(response, 0)).isEqualTo("hosting.cloudProvider");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("MARS")
				.contains("ON_PREMISES");
	}

	@Test
	void wrongTypeIs400NamingTheField() {
		var response = recommend("{\"rps\": {\"api\": {\"peak\": \"lots\"}}}");

		assertProblem(response, 400, "malformed-body");
		assertThat(field(response, 0)).isEqualTo("rps.api.peak");
	}

	@Test
	void unknownTrafficTypeIs400ListingTheKnownOnes() {
		var response = recommend("{\"rps\": {\"ftp\": {\"peak\": 3}}}");

		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("gitPull");
	}

	@Test
	void listsTheEditionsWithTheirSources() {
		var body = as("finance").get("/api/v1/sizing/editions").json();

		assertThat(body.path("defaultEdition").asString()).isEqualTo("2025-12");
		JsonNode edition = body.path("editions").get(0);
		assertThat(edition.path("id").asString()).isEqualTo("2025-12");
		assertThat(edition.path("asOf").asString()).isEqualTo("2025-12");
		assertThat(edition.path("sources").findValuesAsString("id")).contains("S1", "S5", "S9");
	}

	@Test
	void measurementGuideGivesTheQueriesPerTrafficTypeWithSteps() {
		var body = as("ae").get("/api/v1/sizing/measurement-guide").json();

		assertThat(body.path("queries").findValuesAsString("id")).contains("api-peak", "api-sustained",
				"git-push-peak", "git-push-sustained");
		assertThat(body.path("queries").get(1).path("query").asString()).startsWith("max_over_time(");
		assertThat(body.path("steps").size()).isGreaterThanOrEqualTo(4);
		assertThat(body.path("collectionPeriod").asString()).contains("7 to 14 days");
		assertThat(body.path("importExample").asString()).startsWith("traffic_type,peak,sustained");
	}

	@Test
	void customerMayNotSize() {
		assertProblem(as("customer").post("/api/v1/sizing/recommendations", "{\"users\": 100}"), 403, "forbidden");
		assertProblem(as("partner").get("/api/v1/sizing/editions"), 403, "forbidden");
	}

	@Test
	void anonymousCallerIs401() {
		assertProblem(Http.to(port).get("/api/v1/sizing/measurement-guide"), 401, "unauthenticated");
	}

	static void assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/" + type);
	}

	private static String field(Http.Response response, int index) {
		return response.json().path("errors").get(index).path("field").asString();
	}
}
