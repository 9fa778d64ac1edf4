package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/**
 * Finds the demo organisation's records through the API, by the names the demo gives them, and walks
 * its people through the triage.
 */
public final class DemoOrganisation {

	private DemoOrganisation() {
	}

	/**
	 * The id of a demo opportunity. Other tests import opportunities with the same names, so only
	 * the demo's own records (CRM ids {@code CRM-OPP-...}) count, on any page.
	 */
	public static String opportunity(Http admin, String name) {
		for (int page = 0; page < 100; page++) {
			var items = admin.get("/api/v1/opportunities?size=200&page=" + page).json().path("items");
			if (items.isEmpty()) {
				break;
			}
			for (var item : items) {
				if (item.path("name").asString().equals(name) && item.path("externalId").asString().startsWith("CRM-OPP-")) {
					return item.path("id").asString();
				}
			}
		}
		throw new AssertionError("no demo opportunity " + name);
	}

	/** The id of a person, by name. */
	public static String person(Http admin, String name) {
		for (var item : admin.get("/api/v1/people").json()) {
			if (item.path("name").asString().equals(name)) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("no person " + name);
	}

	/** The id of a circle, by name. */
	public static String circle(Http admin, String name) {
		for (var item : admin.get("/api/v1/circles").json()) {
			if (item.path("name").asString().equals(name)) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("no circle " + name);
	}

	/**
	 * Walks a Circle Cascade request through the triage rules that come before assignment, as the demo's
	 * people do: Priya discusses it, the SA answers the 4 questions, Priya and the SA manager review it.
	 */
	public static void triage(int port, String requestId) {
		var base = "/api/v1/sa-requests/" + requestId;
		assertThat(Http.to(port).as("priya.natarajan").post(base + "/comments", "{\"body\": \"Sam knows this stack\"}")
				.status()).isEqualTo(201);
		assertThat(Http.to(port).as("sa").put(base + "/triage-answers", Http.json(Map.of("commandPlanComplete", true,
				"understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(Http.to(port).as("priya.natarajan").post(base + "/reviews", "{\"verdict\": \"APPROVE\"}").status())
				.isEqualTo(201);
		assertThat(Http.to(port).as("sa-manager").post(base + "/reviews", "{\"verdict\": \"APPROVE\"}").status())
				.isEqualTo(201);
	}
}
