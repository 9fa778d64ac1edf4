package dev.baton.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends hostile requests generated from the OpenAPI document to every operation, as every role
 * and unauthenticated, and fails on any 5xx, any error that is not an {@code application/problem+json}
 * Problem Detail of a documented status and type, any stack trace or SQL in an answer, and any 2xx
 * for input the schema forbids.
 * <p>
 * {@code -Dbaton.fuzz.requests} (default 2000) and {@code -Dbaton.fuzz.seed} (default 20261202)
 * set the run; see docs/benchmarks.md. It runs in a context of its own, thrown away afterwards,
 * since its writes (as an admin among others) would disturb the tests that share the usual one.
 */
@BatonIntegrationTest
@TestPropertySource(properties = "baton.test.context=fuzz")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiFuzzTests {

	static final List<String> ROLES = List.of("admin", "ae", "sa", "sa-manager", "asm", "csm", "deal-desk", "finance",
			"partner", "customer");

	private static final Pattern LEAK = Pattern.compile(
			"\tat |at dev\\.baton\\.|java\\.lang\\.|org\\.springframework\\.|org\\.apache\\.|org\\.postgresql|SQLState|"
					+ "(?i:\\bselect\\b[^\"]{0,80}\\bfrom\\b)|(?i:insert into)|(?i:syntax error at or near)");

	private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "..%2f..%2f", "%2e%2e%5c", "%c0%ae%c0%ae", "-1",
			"0", "null", "1234", "%27%20OR%201%3D1--", "%F0%9F%92%A9", "a".repeat(3000), "%252e%252e", "x%0d%0aX-Injected:%201");

	private static final List<String> CONTENT_TYPES = List.of("*/*", "application/*", "multipart/form-data",
			"multipart/form-data; boundary=fuzz", "application/x-www-form-urlencoded", "text/plain", "not a type",
			"application/json; charset=latin1", "application/xml", "text/csv");

	private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
			"application/problem+json", "text/csv", "image/png");

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void hostileRequestsGetNo5xxAndOnlyDocumentedProblemDetails() throws Exception {
		var count = Integer.getInteger("baton.fuzz.requests", 2000);
		var seed = Long.getLong("baton.fuzz.seed", 20261202L);
		var random = new Random(seed);
		var model = new ApiModel(Http.to(port).as("admin").get("/v3/api-docs").body());
		var ids = FuzzFixtures.ids(port);
		var tokens = FuzzFixtures.tokens(port, ROLES);
		var started = System.nanoTime();

		var failures = new ArrayList<String>();
		var statuses = new TreeMap<Integer, Integer>();
		for (int i = 0; i < count && failures.size() < 25; i++) {
			var op = model.operations.get(i % model.operations.size());
			var request = generate(model, op, random, ids, tokens);
			var answer = send(request);
			statuses.merge(answer.status, 1, Integer::sum);
			failures.addAll(judge(op, request, answer));
		}
		var seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("API fuzz: %d requests over %d operations, seed %d, %.1f s, statuses %s%n", count,
				model.operations.size(), seed, seconds, statuses);

		assertThat(failures).as("seed %d", seed).isEmpty();
	}

	/** One generated request, and what in it the schema forbids (null when nothing). */
	record Generated(String method, String target, Map<String, String> headers, byte[] body, String forbidden,
			boolean cleanPath, String role) {
	}

	record Answer(int status, String contentType, String requestId, String body) {
	}

	private Generated generate(ApiModel model, ApiModel.Op op, Random random, Map<String, List<String>> ids,
			Map<String, String> tokens) {
		String forbidden = null;
		var clean = true;
		var role = random.nextInt(ROLES.size() + 1) == 0 ? "anonymous" : ApiModel.pick(ROLES, random);
		var headers = new LinkedHashMap<String, String>();
		if (!role.equals("anonymous")) {
			headers.put("Authorization", "Bearer " + tokens.get(role));
		}

		// the path: real ids mostly, hostile segments sometimes
		var path = op.path();
		for (var parameter : op.parameters("path")) {
			var name = parameter.path("name").asString();
			var schema = model.resolve(parameter.path("schema"));
			String value;
			var dice = random.nextInt(10);
			if (dice == 0) {
				value = ApiModel.pick(HOSTILE_SEGMENTS, random);
				clean = false;
				if ("uuid".equals(schema.path("format").asString("")) && !value.matches("[0-9a-fA-F-]{36}")) {
					forbidden = "path " + name + " is not a UUID";
				}
			} else if (dice == 1 && "uuid".equals(schema.path("format").asString(""))) {
				value = "not-a-uuid";
				forbidden = "path " + name + " is not a UUID";
			} else if ("uuid".equals(schema.path("format").asString("")) || name.toLowerCase().endsWith("id")) {
				value = ApiModel.pickId(name, random, ids);
			} else if (name.equals("key")) {
				value = ApiModel.pick(ids.get("key"), random);
			} else {
				value = URLEncoder.encode(ApiModel.validText(schema, name, random, ids), StandardCharsets.UTF_8);
			}
			path = path.replace("{" + name + "}", value);
		}

		// the query: values of the declared type, or of another
		var query = new ArrayList<String>();
		for (var parameter : op.parameters("query")) {
			if (random.nextInt(3) == 0) {
				continue;
			}
			var name = parameter.path("name").asString();
			var schema = model.resolve(parameter.path("schema"));
			var type = ApiModel.typeOf(schema);
			String value;
			if (random.nextInt(6) == 0 && (type.equals("integer") || schema.has("enum") || "uuid".equals(schema.path("format").asString("")))) {
				value = "%E2%98%83abc";
				forbidden = forbidden == null ? "query " + name + " is not of its type" : forbidden;
			} else {
				var generated = model.valid(schema, name, random, ids, 0);
				value = URLEncoder.encode(generated.isString() ? generated.asString() : generated.toString(),
						StandardCharsets.UTF_8);
			}
			query.add(name + "=" + value);
		}
		if (random.nextInt(40) == 0) {
			query.add("padding=" + "q".repeat(2000));
		}
		var target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));

		// headers
		var ifMatch = op.parameters("header").stream().filter(p -> p.path("name").asString().equalsIgnoreCase("If-Match"))
				.findFirst().orElse(null);
		if (ifMatch != null) {
			var dice = random.nextInt(4);
			if (dice == 0) {
				if (ifMatch.path("required").asBoolean(false)) {
					forbidden = forbidden == null ? "If-Match is required" : forbidden;
				}
			} else {
				headers.put("If-Match", dice == 1 ? "garbage" : "\"" + random.nextInt(3) + "\"");
			}
		}
		if (op.method().equals("POST") && random.nextInt(8) == 0) {
			headers.put("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "k".repeat(300));
		}
		headers.put("Accept", random.nextInt(5) == 0 ? ApiModel.pick(ACCEPTS, random) : "application/json, application/problem+json");

		// the body: valid-looking, or with one thing the schema forbids
		byte[] body = null;
		var bodySchema = op.jsonBodySchema();
		var bodyMedia = op.bodyMediaType();
		if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
			var contentType = bodyMedia == null ? "application/json" : bodyMedia;
			var text = "";
			if (bodySchema != null) {
				var value = model.valid(bodySchema, null, random, ids, 0);
				var dice = random.nextInt(9);
				if (dice == 0 && value instanceof ObjectNode object && !object.isEmpty()) {
					var fields = ApiModel.objectFields(object);
					var field = ApiModel.pick(fields, random);
					var schema = ApiModel.properties(model, bodySchema).get(field);
					object.set(field, ApiModel.wrongType(schema == null ? model.resolve(bodySchema) : schema, random));
					forbidden = forbidden == null ? "body." + field + " has the wrong JSON type" : forbidden;
				} else if (dice == 1 && value instanceof ObjectNode object) {
					object.put("unknownField" + random.nextInt(10), "x");
					forbidden = forbidden == null ? "body has an unknown field" : forbidden;
				} else if (dice == 2) {
					text = ApiModel.pick(List.of("{", "{\"a\":", "[1,2", "nul", "{\"x\": 1}}", "\u0000"), random);
					forbidden = forbidden == null ? "body is not JSON" : forbidden;
				} else if (dice == 3) {
					contentType = ApiModel.pick(CONTENT_TYPES, random);
					if (!contentType.startsWith("application/json")) {
						forbidden = forbidden == null ? "Content-Type " + contentType + " is not the body's" : forbidden;
					}
				} else if (dice == 4) {
					contentType = "application/x-www-form-urlencoded";
					text = "password=s3cret%zz&x=%";
					forbidden = forbidden == null ? "a form body" : forbidden;
				}
				if (text.isEmpty()) {
					text = value.toString();
				}
			} else if (bodyMedia != null) {
				text = random.nextBoolean() ? "a,b\n1,2\n" : "\u0000\u0001";
				if (random.nextInt(3) == 0) {
					contentType = ApiModel.pick(CONTENT_TYPES, random);
				}
			} else if (random.nextInt(3) == 0) {
				contentType = ApiModel.pick(CONTENT_TYPES, random);
				text = "{}";
			}
			if (random.nextInt(60) == 0) {
				text = "{\"x\": \"" + "z".repeat(1_100_000) + "\"}";
				forbidden = forbidden == null ? "body over the limit" : forbidden;
			}
			headers.put("Content-Type", contentType);
			body = text.getBytes(StandardCharsets.UTF_8);
		}
		return new Generated(op.method(), target, headers, body, forbidden, clean, role);
	}

	private Answer send(Generated request) throws Exception {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
				.timeout(Duration.ofSeconds(30));
		request.headers().forEach(builder::header);
		builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(request.body()));
		try {
			var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("X-Request-Id").orElse(null), response.body());
		} catch (java.io.IOException e) {
			// the server may close the connection on a request it refuses before reading the body
			return new Answer(-1, null, null, String.valueOf(e));
		}
	}

	private List<String> judge(ApiModel.Op op, Generated request, Answer answer) {
		var failures = new ArrayList<String>();
		var what = request.method() + " " + abbreviate(request.target()) + " as " + request.role()
				+ (request.forbidden() == null ? "" : " (" + request.forbidden() + ")") + " -> " + answer.status() + " "
				+ abbreviate(answer.body());
		if (answer.status() == -1) {
			// only a refusal of an oversized body may end this way
			if (request.body() == null || request.body().length < 1_000_000) {
				failures.add("connection failed: " + what);
			}
			return failures;
		}
		if (answer.status() >= 500) {
			failures.add("5xx: " + what);
		}
		if (LEAK.matcher(answer.body()).find()) {
			failures.add("stack trace or SQL in the answer: " + what);
		}
		if (answer.status() >= 200 && answer.status() < 300 && request.forbidden() != null) {
			failures.add("2xx for forbidden input: " + what);
		}
		if (answer.status() >= 400) {
			if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
				failures.add("error is not application/problem+json (" + answer.contentType() + "): " + what);
				return failures;
			}
			var problem = ApiModel.JSON.readTree(answer.body());
			if (problem.path("status").asInt() != answer.status() || !problem.path("type").asString().startsWith("/problems/")
					|| problem.path("title").asString("").isBlank()) {
				failures.add("not a Problem Detail: " + what);
			}
			if (answer.requestId() == null || !answer.requestId().equals(problem.path("requestId").asString())) {
				failures.add("request id missing or not the header's: " + what);
			}
			if (request.cleanPath() && !request.target().contains("padding=")) {
				var documented = op.problemTypes(answer.status());
				if (!op.statuses().contains(String.valueOf(answer.status()))) {
					failures.add("status not documented for " + op.key() + ": " + what);
				} else if (!documented.contains(problem.path("type").asString())) {
					failures.add("problem type " + problem.path("type").asString() + " not documented for " + op.key()
							+ " " + answer.status() + ": " + what);
				}
			}
		} else if (answer.status() >= 200 && request.cleanPath()) {
			if (!op.statuses().contains(String.valueOf(answer.status()))) {
				failures.add("success status not documented for " + op.key() + ": " + what);
			} else {
				var media = op.mediaType(answer.status());
				if (media != null && !answer.body().isEmpty()
						&& (answer.contentType() == null || !answer.contentType().startsWith(media))) {
					failures.add("media type " + answer.contentType() + " is not the documented " + media + ": " + what);
				}
			}
		}
		return failures;
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	/** Ids to aim at and a token per role, made through the API. */
	static final class FuzzFixtures {

		static Map<String, List<String>> ids(int port) {
			var admin = Http.to(port).as("admin");
			var ids = new ArrayList<String>();
			var keys = new ArrayList<String>();
			for (var list : List.of("/api/v1/people?size=200", "/api/v1/accounts", "/api/v1/opportunities?size=200",
					"/api/v1/circles", "/api/v1/sa-requests?size=200", "/api/v1/users?size=200", "/api/v1/boards",
					"/api/v1/regions", "/api/v1/onsite-requests")) {
				var json = admin.get(list).json();
				var items = json.isArray() ? json : json.path("items");
				for (JsonNode item : items) {
					if (item.hasNonNull("id")) {
						ids.add(item.path("id").asString());
					}
					if (item.hasNonNull("key")) {
						keys.add(item.path("key").asString());
					}
				}
			}
			assertThat(ids).isNotEmpty();
			assertThat(keys).isNotEmpty();
			return Map.of("id", List.copyOf(ids), "key", List.copyOf(keys));
		}

		/** API tokens (cheap to check, unlike a password) for each role's demo login. */
		static Map<String, String> tokens(int port, List<String> roles) {
			var tokens = new LinkedHashMap<String, String>();
			for (var role : roles) {
				var issued = Http.to(port).as(role).post("/api/v1/me/tokens", "{\"name\": \"fuzz\"}");
				assertThat(issued.status()).as(issued.body()).isEqualTo(201);
				tokens.put(role, issued.json().path("secret").asString());
			}
			return tokens;
		}
	}
}
