package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.PageSession;

/**
 * The pages of the assignment module through a logged-in browser: the recommendations fragment of
 * a request, an SA's own work, and the circle page for its manager; and who may not see them.
 */
@BatonIntegrationTest
class AssignmentPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private AssignmentScenario scenario;

	@BeforeEach
	void mondayFourPmInChicago() {
		scenario = new AssignmentScenario(port, clock);
		scenario.start();
	}

	@AfterEach
	void cleanUp() {
		scenario.finish();
	}

	private String assignedTo(String name) {
		var id = scenario.file("2026-12-02T15:00:00Z");
		scenario.readyToAssign(id);
		scenario.assign(id, scenario.person(name));
		return id;
	}

	@Test
	void theRecommendationsFragmentRanksWithReasonsAndAnAssignFormPerRow() {
		var id = scenario.file("2026-12-02T15:00:00Z");

		var fragment = PageSession.as(port, "sa").get("/requests/" + id + "/recommendations");

		assertThat(fragment.status()).as(fragment.body()).isEqualTo(200);
		var html = fragment.body();
		assertThat(html).doesNotContain("<html").doesNotContain("<nav").contains("Recommended SAs in Circle Cascade")
				.contains("Priya Natarajan").contains("kubernetes: expert").contains("Score by factor")
				.contains("<th scope=\"row\">Skills</th>").contains("id=\"recommendations-order\"")
				.contains("action=\"/requests/" + id + "/assignment\"").contains("name=\"_csrf\"")
				.contains("name=\"recommendationRank\" value=\"1\"").contains("name=\"recommendationRank\" value=\"2\"")
				.contains("name=\"rankReason\" required").contains(">Assign Priya Natarajan<")
				// Sam (Denver) is outside working hours at 08:00 for the only slot
				.contains("Excluded").contains("Sam Rivera").contains("Outside working hours")
				.doesNotContain(">working-hours<");
		// rank 1 needs no reason: exactly one fewer reason box than rows
		var rows = html.split("name=\"recommendationRank\"").length - 1;
		var reasons = html.split("name=\"rankReason\"").length - 1;
		assertThat(reasons).isEqualTo(rows - 1);
	}

	@Test
	void theRecommendationsFragmentIsForSasManagersAndAdminsOnly() {
		var id = scenario.file("2026-12-02T15:00:00Z");

		assertThat(PageSession.as(port, "sa-manager").get("/requests/" + id + "/recommendations").status()).isEqualTo(200);
		assertThat(PageSession.as(port, "admin").get("/requests/" + id + "/recommendations").status()).isEqualTo(200);
		assertThat(PageSession.as(port, "ae").get("/requests/" + id + "/recommendations").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "asm").get("/requests/" + id + "/recommendations").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "customer").get("/requests/" + id + "/recommendations").status()).isEqualTo(403);
	}

	@Test
	void mySaWorkShowsMyRequestsLoadAbsencesAndCoveragePlan() {
		var id = assignedTo("Kenji Watanabe");
		scenario.away("Kenji Watanabe", "PTO", "2026-11-30", "2026-12-18");

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
		scenario.away("Kenji Watanabe", "PTO", "2026-11-30", "2026-12-18");
		scenario.away("Diego Alvarez", "SICK", "2026-11-25", "2026-11-25");
		var cascade = scenario.circle("Circle Cascade");
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
		var cascade = scenario.circle("Circle Cascade");

		assertThat(PageSession.as(port, "admin").get("/circles/" + cascade).status()).isEqualTo(200);
		assertThat(PageSession.as(port, "admin").get("/circles").body()).contains("Circle Thames");
		assertThat(PageSession.as(port, "ingrid.larsen").get("/circles/" + cascade).status()).isEqualTo(403);
		assertThat(PageSession.as(port, "sa").get("/circles/" + cascade).status()).isEqualTo(403);
		assertThat(PageSession.as(port, "sa").get("/circles").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "ae").get("/circles").status()).isEqualTo(403);
	}
}
