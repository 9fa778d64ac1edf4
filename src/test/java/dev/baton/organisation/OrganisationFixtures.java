package dev.baton.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.baton.Http;

/**
 * Creates uniquely named users, people and circles through the API, since all integration tests
 * share one database.
 */
public final class OrganisationFixtures {

	public static final String PASSWORD = "a long enough password";

	private final Http admin;

	public OrganisationFixtures(int port) {
		this.admin = Http.to(port).as("admin");
	}

	/** An RFC 9457 answer of the given status and type, without internals. */
	public static void assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var json = response.json();
		assertThat(json.path("type").asString()).isEqualTo("/problems/" + type);
		assertThat(json.path("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("at dev.baton").doesNotContain("Exception").doesNotContain("SELECT");
	}

	/** The fields a validation problem names. */
	public static List<String> fields(Http.Response response) {
		var fields = new java.util.ArrayList<String>();
		response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
		return fields;
	}

	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** A login with one role; returns its user id. */
	public String user(String username, String role) {
		var response = admin.post("/api/v1/users", Http.json(Map.of("username", username, "displayName", "User " + username,
				"email", username + "@users.example", "roles", List.of(role), "password", PASSWORD)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	/** A person body with sensible defaults for a role; callers change what they test. */
	public static Map<String, Object> personBody(String name, String role) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("email", name.toLowerCase().replace(' ', '.') + "@people.example");
		body.put("title", "SA".equals(role) ? "Solutions Architect" : role + " " + name);
		body.put("role", role);
		if ("SA".equals(role)) {
			body.put("seniority", "SENIOR");
		}
		if ("AE".equals(role)) {
			body.put("segment", "SMB_FIRST_ORDER");
		}
		body.put("regionKey", "AMER");
		body.put("timeZone", "America/Chicago");
		return body;
	}

	/** Creates a person and returns their id. */
	public String person(Map<String, Object> body) {
		var response = admin.post("/api/v1/people", Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	public String person(String name, String role) {
		return person(personBody(name, role));
	}

	/** A person of a role with a login of the same role; returns the person id, the login is {@code username}. */
	public String personWithLogin(String username, String role, String managerId) {
		var userId = user(username, role);
		var body = personBody("Person " + username, role);
		body.put("userId", userId);
		if (managerId != null) {
			body.put("managerId", managerId);
		}
		return person(body);
	}

	/** Creates a circle on the Commercial AMER board and returns its id. */
	public String circle(String name, String managerId, List<String> memberIds, List<String> aeIds) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", name);
		body.put("boardKey", "commercial-amer");
		body.put("managerId", managerId);
		body.put("memberIds", memberIds);
		body.put("servedAeIds", aeIds);
		var response = admin.post("/api/v1/circles", Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}
}
