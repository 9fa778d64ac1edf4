package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;

/**
 * The story the assignment tests through HTTP share, on the demo organisation: it is Monday 23
 * November 2026, 16:00 in Chicago (Commercial AMER's zone, Thanksgiving that week), Alex Morgan
 * ({@code ae}) files for Acme Logistics to Circle Cascade, and the absences a test books are
 * removed after it. {@link #start()} before each test, {@link #finish()} after.
 */
final class AssignmentScenario {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
	static final Instant MONDAY_FOUR_PM_IN_CHICAGO = ZonedDateTime.of(LocalDateTime.parse("2026-11-23T16:00"), CHICAGO)
			.toInstant();
	static final String ACME = "Acme Logistics: platform consolidation";

	private final int port;
	private final MutableClock clock;
	private final List<String> absences = new ArrayList<>();

	AssignmentScenario(int port, MutableClock clock) {
		this.port = port;
		this.clock = clock;
	}

	void start() {
		clock.set(MONDAY_FOUR_PM_IN_CHICAGO);
	}

	/** Removes the absences booked through {@link #away} and gives the clock back. */
	void finish() {
		for (var absence : absences) {
			as("sa-manager").delete(absence);
		}
		absences.clear();
		clock.set(Instant.now());
	}

	Http as(String user) {
		return Http.to(port).as(user);
	}

	String person(String name) {
		return DemoOrganisation.person(as("admin"), name);
	}

	String circle(String name) {
		return DemoOrganisation.circle(as("admin"), name);
	}

	String opportunity(String name) {
		return DemoOrganisation.opportunity(as("admin"), name);
	}

	/** Files the Acme request for a demo (Kubernetes, SAST) meeting at one slot; answers its id. */
	String file(String meeting) {
		return file(List.of("DEMO"), List.of("Kubernetes", "SAST"), meeting);
	}

	/** Files an Acme request with these asks and required capabilities, meeting at one slot (New York time). */
	String file(List<String> asks, List<String> capabilities, String meeting) {
		var body = Http.json(Map.of("opportunityId", opportunity(ACME), "template", "SA_ACTIVITY", "labels", List.of(),
				"details", Map.of(
						"preferredDates", List.of(Map.of("start", meeting, "timeZone", "America/New_York")),
						"hosting", "SELF_MANAGED",
						"pains", List.of("Forty Jenkins plugins to maintain"),
						"requiredCapabilities", capabilities,
						"currentTools", List.of(Map.of("name", "Jenkins", "nonNegotiable", false)),
						"asks", asks,
						"customPitchDeck", true,
						"meeting", Map.of("why", "Platform consolidation", "objectives", "Show MR to deploy",
								"agenda", "Intro, demo, Q&A", "attendees", List.of(Map.of("name", "Maria Gonzalez",
										"title", "VP Engineering"))))));
		var response = as("ae").post("/api/v1/sa-requests", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	/** Takes a filed request through discussion, the four answers and both reviews, so it may be assigned. */
	void readyToAssign(String id) {
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/comments",
				"{\"body\": \"Who has room for this?\"}").status()).isEqualTo(201);
		assertThat(as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete",
				true, "understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		assertThat(as("sa-manager").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
	}

	/** Assigns a request made ready by {@link #readyToAssign} to a person (by id). */
	void assign(String id, String assigneeId) {
		var response = as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", assigneeId)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	/** Books an absence for a demo person through their SA manager; it is removed by {@link #finish()}. */
	void away(String name, String kind, String from, String to) {
		var personId = person(name);
		var response = as("sa-manager").post("/api/v1/people/" + personId + "/absences",
				Http.json(Map.of("kind", kind, "startDate", from, "endDate", to)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		absences.add("/api/v1/people/" + personId + "/absences/" + response.json().path("id").asString());
	}
}
