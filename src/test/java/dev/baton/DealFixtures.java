package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Unique opportunities, people and logins for the on-site, judgment, post-sales and report tests,
 * made through the API, since all integration tests share one database.
 */
public final class DealFixtures {

	public static final String PASSWORD = "a long enough password";

	private final int port;
	private final Http admin;
	private final Map<String, Map<String, Object>> bodies = new java.util.HashMap<>();

	public DealFixtures(int port) {
		this.port = port;
		this.admin = Http.to(port).as("admin");
	}

	public static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	public Http as(String username) {
		return Http.to(port).as(username);
	}

	public Http login(String username) {
		return Http.to(port).as(username, PASSWORD);
	}

	/** A new opportunity owned by Alex Morgan (login {@code ae}), on a new account; returns its JSON. */
	public tools.jackson.databind.JsonNode opportunity(Map<String, Object> overrides) {
		var externalId = "GOV-" + unique();
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "Governed deal " + externalId);
		body.put("account", Map.of("externalId", "GOV-ACC-" + unique(), "name", "Governed " + externalId,
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
		body.putAll(overrides);
		var response = admin.put("/api/v1/opportunities/" + externalId, Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		bodies.put(externalId, body);
		return response.json();
	}

	/** Moves an opportunity to another stage as the CRM does. */
	public tools.jackson.databind.JsonNode stage(String externalId, String stage) {
		var body = new LinkedHashMap<>(bodies.get(externalId));
		body.put("stage", stage);
		var response = admin.put("/api/v1/opportunities/" + externalId, Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** A login with these roles and a person linked to it; returns the person id. */
	public String personWithLogin(String username, List<String> roles, String role) {
		var user = admin.post("/api/v1/users", Http.json(Map.of("username", username, "displayName", "User " + username,
				"email", username + "@users.example", "roles", roles, "password", PASSWORD)));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "Person " + username);
		body.put("email", username + "@people.example");
		body.put("title", role + " " + username);
		body.put("role", role);
		if ("SA".equals(role)) {
			body.put("seniority", "SENIOR");
		}
		if ("AE".equals(role)) {
			body.put("segment", "SMB_FIRST_ORDER");
		}
		body.put("regionKey", "AMER");
		body.put("timeZone", "America/Chicago");
		body.put("userId", user.json().path("id").asString());
		var person = admin.post("/api/v1/people", Http.json(body));
		assertThat(person.status()).as(person.body()).isEqualTo(201);
		return person.json().path("id").asString();
	}

	/**
	 * The body of an on-site request on the opportunity, for the given days (each with a plan),
	 * with Sam Rivera attending and both prerequisites true; tests change what they are about.
	 */
	public Map<String, Object> onsiteForm(String opportunityId, String amount, List<String> days) {
		var body = new LinkedHashMap<String, Object>();
		body.put("opportunityId", opportunityId);
		body.put("estimatedCost", Map.of("amount", amount, "currency", "USD"));
		body.put("attendeeIds", List.of(DemoOrganisation.person(admin, "Sam Rivera")));
		body.put("engagementSummary", "Two discovery calls and a demo; the platform team asked for a workshop");
		body.put("stakeholders", List.of(Map.of("name", "Maria Gonzalez", "title", "VP Engineering")));
		body.put("proposedDates", days);
		body.put("agenda", days.stream().map(day -> Map.of("day", day, "plan", "Workshop on " + day)).toList());
		body.put("customerAgreedAgenda", true);
		body.put("budgetedInitiative", true);
		return body;
	}
}
