package dev.baton.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;

/**
 * The OpenAPI document is the exact contract: real success statuses and media types, required
 * headers, and every error response as a Problem Detail with its types; each operation, called,
 * answers only what its description lists.
 * <p>
 * Shares the fuzz test's throw-away context, since calling every operation as an admin writes.
 */
@BatonIntegrationTest
@TestPropertySource(properties = "baton.test.context=fuzz")
class OpenApiContractTests {

	@LocalServerPort
	int port;

	private ApiModel model;

	@BeforeEach
	void readDocument() {
		model = new ApiModel(Http.to(port).as("admin").get("/v3/api-docs").body());
	}

	private ApiModel.Op op(String method, String path) {
		return model.operations.stream().filter(o -> o.key().equals(method + " " + path)).findFirst().orElseThrow();
	}

	@Test
	void everyOperationDescribesItsErrorsAsProblemDetails() {
		assertThat(model.operations).hasSizeGreaterThanOrEqualTo(100);
		for (var op : model.operations) {
			var expected = new ArrayList<>(List.of("400", "403", "404", "406", "413", "415", "500", "503"));
			if (!OpenApiContract.PUBLIC.contains(op.key())) {
				expected.add("401");
			}
			assertThat(op.statuses()).as(op.key()).containsAll(expected);
			for (var status : op.statuses()) {
				var code = Integer.parseInt(status);
				if (code >= 400) {
					assertThat(op.mediaType(code)).as(op.key() + " " + status).isEqualTo("application/problem+json");
					assertThat(op.problemTypes(code)).as(op.key() + " " + status).isNotEmpty()
							.allMatch(type -> type.startsWith("/problems/"));
				}
			}
		}
		assertThat(model.document.toString()).doesNotContain("\"*/*\"");
	}

	@Test
	void typedIdsInPathsAreDocumentedAsUuids() {
		var checked = 0;
		for (var op : model.operations) {
			for (var parameter : op.node().path("parameters")) {
				var name = parameter.path("name").asText();
				// the CRM's external ids are its own text, not Baton's UUIDs
				if (parameter.path("in").asText().equals("path") && (name.equals("id") || name.endsWith("Id"))
						&& !name.equals("externalId")) {
					var schema = parameter.path("schema");
					assertThat(schema.path("type").asText() + " " + schema.path("format").asText()).as(op.key() + " " + name)
							.isEqualTo("string uuid");
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(50);
	}

	@Test
	void createsAnswer201WithLocationAndBodilessAnswers204() {
		for (var create : List.of("POST /api/v1/users", "POST /api/v1/sa-requests", "POST /api/v1/me/tokens",
				"POST /api/v1/onsite-requests")) {
			var op = model.operations.stream().filter(o -> o.key().equals(create)).findFirst().orElseThrow();
			assertThat(op.statuses()).as(create).contains("201").doesNotContain("200");
			assertThat(op.node().path("responses").path("201").path("headers").has("Location")).as(create).isTrue();
			assertThat(op.mediaType(201)).isEqualTo("application/json");
		}
		assertThat(op("DELETE", "/api/v1/me/tokens/{id}").statuses()).contains("204").doesNotContain("200");
		assertThat(op("DELETE", "/api/v1/me/tokens/{id}").mediaType(204)).isNull();
		assertThat(op("PUT", "/api/v1/accounts/{accountId}/csm").statuses()).contains("200", "204");
		assertThat(op("POST", "/api/v1/sa-requests/{id}/reviews").statuses()).contains("200", "201");
		assertThat(op("GET", "/api/v1/governance/reports/{section}.csv").mediaType(200)).isEqualTo("text/csv");
		assertThat(op("POST", "/api/v1/sa-requests").node().path("requestBody").path("content").path("application/json")
				.path("examples").has("minimal")).isTrue();
	}

	@Test
	void ifMatchIsRequiredWhereTheApiRequiresItAndLosingWritersConflictsAreListed() {
		for (var op : model.operations) {
			for (var header : op.parameters("header")) {
				if (header.path("name").asString().equals("If-Match")) {
					var optional = OpenApiContract.IF_MATCH_OPTIONAL.contains(op.key());
					assertThat(header.path("required").asBoolean(false)).as(op.key()).isEqualTo(!optional);
					assertThat(op.problemTypes(409)).as(op.key()).contains("/problems/stale-version");
					if (!optional) {
						assertThat(op.problemTypes(428)).as(op.key()).containsExactly("/problems/precondition-required");
					}
				}
			}
		}
		// a concurrent assignment's loser gets one of these two
		assertThat(op("POST", "/api/v1/sa-requests/{id}/assignment").problemTypes(409))
				.contains("/problems/stale-version", "/problems/sa-request-illegal-transition");
		assertThat(op("POST", "/api/v1/sa-requests").parameters("header")).extracting(p -> p.path("name").asString())
				.contains("Idempotency-Key");
	}

	@Test
	void requiredIfMatchIsEnforced() {
		var created = Http.to(port).as("admin").post("/api/v1/users", Http.json(Map.of("username",
				"contract." + UUID.randomUUID().toString().substring(0, 8), "displayName", "Contract", "email",
				"contract." + UUID.randomUUID().toString().substring(0, 8) + "@baton.example", "roles", List.of("AE"),
				"password", "a long enough password")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(op("POST", "/api/v1/users").statuses()).contains(String.valueOf(created.status()));

		var update = Http.to(port).as("admin").put("/api/v1/users/" + created.json().path("id").asString(),
				Http.json(Map.of("displayName", "Renamed", "email", "renamed." + UUID.randomUUID() + "@baton.example",
						"roles", List.of("AE"), "enabled", true)));

		assertThat(update.status()).isEqualTo(428);
		assertThat(op("PUT", "/api/v1/users/{id}").problemTypes(428)).contains(update.json().path("type").asString());
	}

	@Test
	void everyOperationAnswersOnlyWhatItsDescriptionLists() {
		var ids = ApiFuzzTests.FuzzFixtures.ids(port);
		var random = new Random(7);
		var mismatches = new ArrayList<String>();
		for (var op : model.operations) {
			var path = op.path();
			for (var name : op.pathParameterNames()) {
				var schema = op.parameters("path").stream().filter(p -> p.path("name").asString().equals(name)).findFirst()
						.map(p -> model.resolve(p.path("schema"))).orElseThrow();
				var value = name.equals("key") ? ApiModel.pick(ids.get("key"), random)
						: ApiModel.validText(schema, name, random, ids);
				path = path.replace("{" + name + "}", java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
			}
			var schema = op.jsonBodySchema();
			var body = schema == null ? "" : model.valid(schema, null, random, ids, 0).toString();
			var contentType = op.bodyMediaType() == null ? "application/json" : op.bodyMediaType();
			for (var caller : List.of(Http.to(port), Http.to(port).as("admin"))) {
				var answer = op.method().equals("GET") ? caller.get(path)
						: caller.send(op.method(), path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				var status = String.valueOf(answer.status());
				if (!op.statuses().contains(status)) {
					mismatches.add(op.key() + " answered undocumented " + status + ": " + answer.body());
					continue;
				}
				var media = op.mediaType(answer.status());
				if (media != null && !answer.body().isEmpty() && !answer.contentType().startsWith(media)) {
					mismatches.add(op.key() + " " + status + " answered " + answer.contentType() + ", documented " + media);
				}
				if (answer.status() >= 400
						&& !op.problemTypes(answer.status()).contains(answer.json().path("type").asString())) {
					mismatches.add(op.key() + " " + status + " answered undocumented type " + answer.json().path("type"));
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}
}
