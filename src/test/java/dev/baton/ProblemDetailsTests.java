package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Bad input gets a 4xx Problem Detail that names what is wrong; never a 500 or a stack trace,
 * never a half-written record.
 */
@BatonIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTests {

	@LocalServerPort
	int port;

	private Http admin() {
		return Http.to(port).as("admin");
	}

	@Test
	void malformedJsonNamesWhereItBroke() {
		var response = admin().post("/api/v1/users", "{\"username\": \"x\",");

		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().path("detail").asString()).contains("not valid JSON").contains("line 1");
	}

	@Test
	void unknownEnumValueListsTheAllowedValues() {
		var response = admin().post("/api/v1/users", "{\"username\": \"enum.user\", \"roles\": [\"WIZARD\"]}");

		assertProblem(response, 400, "malformed-body");
		var error = response.json().path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("roles[0]");
		assertThat(error.path("message").asString()).contains("WIZARD").contains("SA_MANAGER");
	}

	@Test
	void wrongTypeNamesTheField() {
		var response = admin().post("/api/v1/me/tokens", "{\"name\": \"t\", \"expiresAt\": \"next tuesday\"}");

		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresAt");
	}

	@Test
	void wrongStructureNamesTheField() {
		var response = admin().post("/api/v1/users", "{\"username\": \"x\", \"roles\": \"SA\"}");

		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("roles");
	}

	@Test
	void unknownFieldIsRefused() {
		var response = admin().post("/api/v1/me/tokens", "{\"name\": \"t\", \"scope\": \"all\"}");

		assertProblem(response, 400, "malformed-body");
		assertThat(response.json().path("detail").asString()).contains("scope").contains("not a known field");
	}

	@Test
	void missingFieldsAreEachNamed() {
		var response = admin().post("/api/v1/users", "{\"username\": \"missing.fields\"}");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").toString()).contains("displayName").contains("email")
				.contains("roles").contains("password");
		assertThat(admin().get("/api/v1/audit?entityType=user&limit=500").body()).doesNotContain("missing.fields");
	}

	@Test
	void emptyBodyIsRefused() {
		var response = admin().post("/api/v1/users", "");

		assertProblem(response, 400, "malformed-body");
	}

	@Test
	void oversizedBodyIsRefusedWith413() {
		var huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
		var response = admin().send("POST", "/api/v1/me/tokens", "application/json", huge.getBytes(StandardCharsets.UTF_8));

		assertProblem(response, 413, "payload-too-large");
	}

	@Test
	void chunkedOversizedBodyIsRefusedWith413AndKeepsItsRequestId() {
		var huge = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

		// with an Idempotency-Key the body is read before any controller, and the limit trips there
		var early = admin().header("Idempotency-Key", "oversized-" + UUID.randomUUID())
				.sendChunked("POST", "/api/v1/me/tokens", "application/json", huge);
		var late = admin().sendChunked("POST", "/api/v1/me/tokens", "application/json", huge);

		for (var response : List.of(early, late)) {
			assertProblem(response, 413, "payload-too-large");
			assertThat(response.header("X-Request-Id")).isNotBlank()
					.isEqualTo(response.json().path("requestId").asString());
		}
	}

	@Test
	void errorDispatchKeepsTheRequestIdOfTheRequest(CapturedOutput output) {
		var logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel(CsrfFilter.class.getName(), LogLevel.DEBUG);
		try {
			// no CSRF token: refused in the security filters, answered by the container's error dispatch
			var response = Http.to(port).header("Accept", "application/json")
					.postForm("/account/tokens", Map.of("name", "no csrf"));

			assertThat(response.status()).isEqualTo(403);
			var id = response.header("X-Request-Id");
			assertThat(id).isNotBlank();
			assertThat(response.json().path("requestId").asString()).isEqualTo(id);
			assertThat(output.getOut()).containsPattern("\\[" + Pattern.quote(id) + "\\] .*Invalid CSRF token");
		} finally {
			logging.setLogLevel(CsrfFilter.class.getName(), null);
		}
	}

	@Test
	void nulCharacterIsAValidationErrorNotAConflict() {
		var query = admin().get("/api/v1/audit?actor=a%00b");

		assertProblem(query, 400, "validation-failed");
		assertThat(query.json().path("detail").asString()).contains("not acceptable");

		var created = admin().post("/api/v1/users", Http.json(Map.of("username", "nul.user", "displayName", "Nul\u0000Name",
				"email", "nul.user@baton.example", "roles", List.of("SA"), "password", "a long enough password")));
		assertProblem(created, 400, "validation-failed");
		assertThat(created.json().path("errors").get(0).path("field").asString()).isEqualTo("displayName");
		assertThat(created.json().path("errors").get(0).path("message").asString()).contains("control characters");
	}

	@Test
	void problemCatalogueListsEveryModulesTypes() {
		var catalogue = Http.to(port).header("Accept", "text/html").get("/problems");

		assertThat(catalogue.status()).isEqualTo(200);
		assertThat(catalogue.body()).contains("username-taken").contains("sizing-edition-not-found");
		var one = Http.to(port).header("Accept", "text/html").get("/problems/username-taken");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body()).contains("Username or e-mail taken");
	}

	@Test
	void badQueryParameterNamesTheParameter() {
		var response = admin().get("/api/v1/users?page=first");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("page");
	}

	@Test
	void outOfRangePageSizeIsRefused() {
		var response = admin().get("/api/v1/users?size=100000");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("size");
	}

	@Test
	void badUuidInPathIsA400() {
		var response = admin().get("/api/v1/users/not-a-uuid");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("UUID");
	}

	@Test
	void unknownResourceIsA404Problem() {
		assertProblem(admin().get("/api/v1/users/3f1f0a5e-0000-4000-8000-000000000000"), 404, "not-found");
		assertProblem(admin().get("/api/v1/no-such-thing"), 404, "not-found");
	}

	@Test
	void wrongMethodIsA405Problem() {
		assertProblem(admin().delete("/api/v1/users"), 405, "method-not-allowed");
	}

	@Test
	void wrongMediaTypeIsA415Problem() {
		var response = admin().send("POST", "/api/v1/users", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void problemTypesAreDocumentedAtTheirUri() {
		var page = Http.to(port).header("Accept", "text/html").get("/problems/validation-failed");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Validation failed");
	}

	@Test
	void openApiDescribesTheApiAndHowToAuthenticate() {
		var description = Http.to(port).get("/v3/api-docs");

		assertThat(description.status()).isEqualTo(200);
		var json = description.json();
		assertThat(json.path("info").path("title").asString()).isEqualTo("Baton API");
		assertThat(json.path("components").path("securitySchemes").path("token").path("scheme").asString()).isEqualTo("bearer");
		assertThat(json.path("paths").has("/api/v1/users")).isTrue();
	}

	@Test
	void everyAnswerCarriesARequestId() {
		var response = Http.to(port).header("X-Request-Id", "trace-12345678").as("sa").get("/api/v1/me");

		assertThat(response.header("X-Request-Id")).isEqualTo("trace-12345678");
		var generated = Http.to(port).get("/api/v1/me");
		assertThat(generated.header("X-Request-Id")).isNotBlank();
		assertThat(generated.json().path("requestId").asString()).isEqualTo(generated.header("X-Request-Id"));
	}

	static void assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var json = response.json();
		assertThat(json.path("type").asString()).isEqualTo("/problems/" + type);
		assertThat(json.path("status").asInt()).isEqualTo(status);
		assertThat(json.path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("at dev.baton").doesNotContain("Exception").doesNotContain("SELECT");
	}
}
