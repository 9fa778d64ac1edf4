package dev.baton.platform.web;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a careless client or an attacker sends at the edge: envelopes the framework cannot parse,
 * paths Tomcat refuses, values of the wrong JSON type. Each gets a 4xx Problem Detail with the
 * request id, and nothing of it reaches the log at ERROR.
 */
@BatonIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private Http as(String username) {
		return Http.to(port).as(username);
	}

	private static void assertCorrelated(Http.Response response) {
		assertThat(response.json().path("requestId").asString()).isNotBlank().isEqualTo(response.header("X-Request-Id"));
	}

	@Test
	void multipartWithoutBoundaryIsAMalformedBody(CapturedOutput output) {
		var response = as("sa").send("POST", "/api/v1/me/tokens", "multipart/form-data", "x".getBytes());

		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().path("detail").asString()).contains("boundary");
		assertCorrelated(response);
		assertThat(output.getAll()).doesNotContain("MultipartException").doesNotContain(" ERROR ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "not a media type", "application/" })
	void contentTypeThatNamesNoMediaTypeIsUnsupported(String contentType, CapturedOutput output) {
		var response = as("sa").send("POST", "/api/v1/me/tokens", contentType, "{\"name\": \"x\"}".getBytes());

		assertProblem(response, 415, "unsupported-media-type");
		assertCorrelated(response);
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void formBodyWithBrokenEscapeIsRefusedWithoutLoggingIt(CapturedOutput output) {
		var secret = "hunter2-" + UUID.randomUUID();
		var response = as("sa").send("POST", "/api/v1/me/tokens", "application/x-www-form-urlencoded",
				("password=" + secret + "%zz").getBytes());

		assertProblem(response, 400, "bad-request");
		assertCorrelated(response);
		assertThat(output.getAll()).doesNotContain(secret).doesNotContain(" ERROR ");
	}

	@Test
	void queryStringWithBrokenEscapeIsRefused(CapturedOutput output) {
		var answer = RawHttp.send(port, RawHttp.head("GET", "/api/v1/people?name=%e2%28%zz", basic("sa"), -1), null);

		assertRawProblem(answer, 400);
		assertThat(answer.body()).contains("/problems/bad-request");
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/accounts/%00/csm", "/api/v1/accounts/..%2f..%2f/csm", "/api/v1/people/%2e%2e%5c",
			"/api/v1/accounts/%c0%ae%c0%ae/csm" })
	void pathsTomcatRefusesGetAProblemNotAnHtmlPage(String path) {
		var answer = RawHttp.send(port, RawHttp.head("GET", path, basic("sa"), -1), null);

		assertRawProblem(answer, 400);
	}

	@Test
	void requestLineOverTheLimitGetsAProblem() {
		var answer = RawHttp.send(port, RawHttp.head("GET", "/api/v1/people?q=" + "a".repeat(20_000), basic("sa"), -1), null);

		assertThat(answer.status()).isBetween(400, 499);
		assertRawProblem(answer, answer.status());
	}

	@Test
	void headerOverTheLimitGetsAProblem() {
		var headers = new LinkedHashMap<>(basic("sa"));
		headers.put("X-Padding", "b".repeat(20_000));
		var answer = RawHttp.send(port, RawHttp.head("GET", "/api/v1/me", headers, -1), null);

		assertThat(answer.status()).isBetween(400, 499);
		assertRawProblem(answer, answer.status());
	}

	@Test
	void accountWithoutCsmIsANotFoundProblem() {
		var account = newAccount();

		var response = as("sa").get("/api/v1/accounts/" + account + "/csm");

		assertProblem(response, 404, "not-found");
		assertThat(response.json().path("detail").asString()).contains("no CSM");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "false", "1.5", "[\"text\"]", "{\"a\": 1}" })
	void textFieldRefusesOtherJsonTypes(String value) {
		var comment = as("sa").post("/api/v1/sa-requests/" + UUID.randomUUID() + "/comments", "{\"body\": " + value + "}");
		var decline = as("sa-manager").post("/api/v1/sa-requests/" + UUID.randomUUID() + "/decline", "{\"reason\": " + value + "}");
		var token = as("sa").post("/api/v1/me/tokens", "{\"name\": " + value + "}");

		for (var response : new Http.Response[] { comment, decline, token }) {
			assertProblem(response, 400, "malformed-body");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isIn("body", "reason", "name");
			assertThat(response.json().path("errors").get(0).path("message").asString()).contains("a string");
		}
	}

	@Test
	void numbersAndEnumsRefuseText() {
		var review = as("sa").post("/api/v1/sa-requests/" + UUID.randomUUID() + "/reviews", "{\"verdict\": 0}");
		assertProblem(review, 400, "malformed-body");
		for (var users : new String[] { "\"500\"", "500.5", "true" }) {
			var sizing = as("sa").post("/api/v1/sizing/recommendations", "{\"users\": " + users + "}");
			assertProblem(sizing, 400, "malformed-body");
			assertThat(sizing.json().path("errors").get(0).path("field").asString()).isEqualTo("users");
		}
	}

	@Test
	void csmAlignmentIsRemovedOnlyByAnExplicitNull() {
		var account = newAccount();
		var nora = DemoOrganisation.person(as("admin"), "Nora Quinn");
		var path = "/api/v1/accounts/" + account + "/csm";
		assertThat(as("asm").put(path, Http.json(Map.of("csmId", nora))).status()).isEqualTo(200);

		assertProblem(as("asm").put(path, "{}"), 400, "validation-failed");
		var misspelt = as("asm").put(path, "{\"csmID\": null}");
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.body()).contains("csm");
		assertThat(as("sa").get(path).json().path("csmId").asString()).isEqualTo(nora);

		assertThat(as("asm").put(path, "{\"csmId\": null}").status()).isEqualTo(204);
		assertProblem(as("sa").get(path), 404, "not-found");
	}

	private String newAccount() {
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "Hostile deal " + suffix);
		body.put("account", Map.of("externalId", "HOSTILE-ACC-" + suffix, "name", "Hostile " + suffix,
				"industry", "Retail", "regionKey", "AMER", "named", false));
		body.put("ownerEmail", "alex.morgan@baton.example");
		body.put("segment", "MM_FIRST_ORDER");
		body.put("businessUnit", "Sales");
		body.put("regionKey", "AMER");
		body.put("stage", "3-Technical Evaluation");
		body.put("netArr", Map.of("amount", 85000, "currency", "USD"));
		body.put("closeDate", "2027-03-31");
		body.put("subscriptionType", "SaaS");
		body.put("forecastCategory", "Best Case");
		var created = as("admin").put("/api/v1/opportunities/HOSTILE-" + suffix, Http.json(body));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("accountId").asString();
	}

	private static Map<String, String> basic(String username) {
		return Map.of("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((username + ":" + Http.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)),
				"Accept", "application/json");
	}

	private static void assertRawProblem(RawHttp.Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).doesNotContain("<html").doesNotContain("Exception");
		var json = JSON.readTree(answer.body());
		assertThat(json.path("status").asInt()).isEqualTo(status);
		assertThat(json.path("type").asString()).startsWith("/problems/");
		assertThat(json.path("requestId").asString()).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
	}
}
