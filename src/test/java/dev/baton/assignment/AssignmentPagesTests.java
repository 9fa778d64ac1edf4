package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;

/**
 * The pages of the assignment module through a logged-in browser: the recommendations fragment of
 * a request, an SA's own work, and the circle page for its manager; and who may not see them.
 */
@BatonIntegrationTest
class AssignmentPagesTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private final List<String> absences = new ArrayList<>();

	@BeforeEach
	void mondayFourPmInChicago() {
		clock.set(ZonedDateTime.of(LocalDateTime.parse("2026-11-23T16:00"), CHICAGO).toInstant());
	}

	@AfterEach
	void cleanUp() {
		for (var absence : absences) {
			as("sa-manager").delete(absence);
		}
		absences.clear();
		clock.set(Instant.now());
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private String person(String name) {
		return DemoOrganisation.person(as("admin"), name);
	}

	private String circle(String name) {
		return DemoOrganisation.circle(as("admin"), name);
	}

	private String file() {
		var body = Http.json(Map.of("opportunityId",
				DemoOrganisation.opportunity(as("admin"), "Acme Logistics: platform consolidation"), "template",
				"SA_ACTIVITY", "labels", List.of(), "details", Map.of(
						"preferredDates", List.of(Map.of("start", "2026-12-02T15:00:00Z", "timeZone", "America/New_York")),
						"hosting", "SELF_MANAGED",
						"pains", List.of("Forty Jenkins plugins to maintain"),
						"requiredCapabilities", List.of("Kubernetes", "SAST"),
						"currentTools", List.of(Map.of("name", "Jenkins", "nonNegotiable", false)),
						"asks", List.of("DEMO"),
						"customPitchDeck", true,
						"meeting", Map.of("why", "Platform consolidation", "objectives", "Show MR to deploy",
								"agenda", "Intro, demo, Q&A", "attendees", List.of(Map.of("name", "Maria Gonzalez",
										"title", "VP Engineering"))))));
		var response = as("ae").post("/api/v1/sa-requests", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private String assignedTo(String name) {
		var id = file();
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/comments",
				"{\"body\": \"Kenji could take this\"}").status()).isEqualTo(201);
		assertThat(as("sa").put("/api/v1/sa-requests/" + id + "/triage-answers", Http.json(Map.of("commandPlanComplete",
				true, "understandsContext", true, "leadTime", true, "relatableExperience", true))).status()).isEqualTo(200);
		assertThat(as("priya.natarajan").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		assertThat(as("sa-manager").post("/api/v1/sa-requests/" + id + "/reviews", "{\"verdict\": \"APPROVE\"}")
				.status()).isEqualTo(201);
		var assigned = as("sa").post("/api/v1/sa-requests/" + id + "/assignment",
				Http.json(Map.of("assigneeId", person(name))));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		return id;
	}

	private void away(String name, String kind, String from, String to) {
		var personId = person(name);
		var response = as("sa-manager").post("/api/v1/people/" + personId + "/absences",
				Http.json(Map.of("kind", kind, "startDate", from, "endDate", to)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		absences.add("/api/v1/people/" + personId + "/absences/" + response.json().path("id").asString());
	}

	@Test
	void theRecommendationsFragmentRanksWithReasonsAndAnAssignFormPerRow() {
		var id = file();

		var fragment = PageSession.as(port, "sa").get("/requests/" + id + "/recommendations");

		assertThat(fragment.status()).as(fragment.body()).isEqualTo(200);
		var html = fragment.body();
		assertThat(html).doesNotContain("<html").doesNotContain("<nav").contains("Recommended SAs in Circle Cascade")
				.contains("Priya Natarajan").contains("kubernetes: expert").contains("Score by factor")
				.contains("<th scope=\"row\">skills</th>")
				.contains("action=\"/requests/" + id + "/assignment\"").contains("name=\"_csrf\"")
				.contains("name=\"recommendationRank\" value=\"1\"").contains("name=\"recommendationRank\" value=\"2\"")
				.contains("name=\"rankReason\" required").contains("aria-label=\"Assign Priya Natarajan\"")
				// Sam (Denver) is outside working hours at 08:00 for the only slot
				.contains("Excluded").contains("Sam Rivera").contains("outside working hours");
		// rank 1 needs no reason: exactly one fewer reason box than rows
		var rows = html.split("name=\"recommendationRank\"").length - 1;
		var reasons = html.split("name=\"rankReason\"").length - 1;
		assertThat(reasons).isEqualTo(rows - 1);
	}

	@Test
	void theRecommendationsFragmentIsForSasManagersAndAdminsOnly() {
		var id = file();

		assertThat(PageSession.as(port, "sa-manager").get("/requests/" + id + "/recommendations").status()).isEqualTo(200);
		assertThat(PageSession.as(port, "admin").get("/requests/" + id + "/recommendations").status()).isEqualTo(200);
		assertThat(PageSession.as(port, "ae").get("/requests/" + id + "/recommendations").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "asm").get("/requests/" + id + "/recommendations").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "customer").get("/requests/" + id + "/recommendations").status()).isEqualTo(403);
	}

	@Test
	void mySaWorkShowsMyRequestsLoadAbsencesAndCoveragePlan() {
		var id = assignedTo("Kenji Watanabe");
		away("Kenji Watanabe", "PTO", "2026-11-30", "2026-12-18");

		var page = PageSession.as(port, "kenji.watanabe").get("/my/work");

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("<title>My work · Baton</title>").contains("href=\"/requests/" + id + "\"")
				.contains("Assigned").contains("SLA due").contains("id=\"my-load\"").contains("in Circle Cascade")
				.containsAnyOf("Available", "Stretched", "At capacity", "Out")
				.contains("PTO: Mon 30 Nov 2026 to Fri 18 Dec 2026 (19 days)")
				.contains("My coverage plan").contains("a coverage plan is needed").contains("away 19 days");
		assertThat(PageSession.as(port, "ae").get("/my/work").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "admin").get("/my/work").status()).isEqualTo(403);
	}

	@Test
	void theCirclePageShowsLoadChartFiguresPtoAndPlansToItsManager() {
		assignedTo("Kenji Watanabe");
		away("Kenji Watanabe", "PTO", "2026-11-30", "2026-12-18");
		away("Diego Alvarez", "SICK", "2026-11-25", "2026-11-25");
		var cascade = circle("Circle Cascade");
		var manager = PageSession.as(port, "sa-manager");

		var list = manager.get("/circles");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("My circles").contains("href=\"/circles/" + cascade + "\"")
				.doesNotContain("Circle Thames");

		var page = manager.get("/circles/" + cascade);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Circle Cascade</h1>").contains("id=\"load\"").contains("Kenji Watanabe")
				.contains("<svg class=\"chart\" role=\"img\"").contains("<title id=\"chart-svg-title\">")
				.contains("<polyline").contains("id=\"chart-data\"").contains("23 Nov")
				.contains("SLA attainment").contains("Median time to triage").contains("Fast-track share")
				.contains("Kenji Watanabe on PTO Mon 30 Nov 2026").contains("Diego Alvarez off sick Wed 25 Nov 2026")
				.contains("Thu 26 Nov 2026, holiday: Thanksgiving")
				.contains("Coverage plans").contains("away 19 days").contains("Accept plan");
	}

	@Test
	void theCirclePageIsForItsManagerAndAdminsOnly() {
		var cascade = circle("Circle Cascade");

		assertThat(PageSession.as(port, "admin").get("/circles/" + cascade).status()).isEqualTo(200);
		assertThat(PageSession.as(port, "admin").get("/circles").body()).contains("Circle Thames");
		assertThat(PageSession.as(port, "ingrid.larsen").get("/circles/" + cascade).status()).isEqualTo(403);
		assertThat(PageSession.as(port, "sa").get("/circles/" + cascade).status()).isEqualTo(403);
		assertThat(PageSession.as(port, "sa").get("/circles").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "ae").get("/circles").status()).isEqualTo(403);
	}
}
