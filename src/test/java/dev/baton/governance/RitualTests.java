package dev.baton.governance;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import tools.jackson.databind.JsonNode;

/**
 * Circle Cascade's rituals and calendar feed through HTTP.
 */
@BatonIntegrationTest
class RitualTests {

	@LocalServerPort
	int port;

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private JsonNode cascade() {
		for (var circle : as("admin").get("/api/v1/circles").json()) {
			if (circle.path("name").asString().equals("Circle Cascade")) {
				return circle;
			}
		}
		throw new AssertionError("no Circle Cascade");
	}

	@Test
	void plansDemoJamsPeerReviewsAndRetrosOnceWithFreshPresenters() {
		var circle = cascade();
		var id = circle.path("id").asString();
		var members = new ArrayList<String>();
		circle.path("memberIds").forEach(m -> members.add(m.asString()));

		var planned = as("sa-manager").post("/api/v1/circles/" + id + "/rituals/plan", "{}");
		assertThat(planned.status()).as(planned.body()).isEqualTo(200);
		var again = as("sa-manager").post("/api/v1/circles/" + id + "/rituals/plan", "{}");
		assertThat(again.json().size()).isEqualTo(planned.json().size());
		assertProblem(as("sa").post("/api/v1/circles/" + id + "/rituals/plan", "{}"), 403, "forbidden");

		var rituals = as("sa").get("/api/v1/circles/" + id + "/rituals?to=" + java.time.LocalDate.now().plusDays(119))
				.json();
		List<String> previous = List.of();
		var kinds = new java.util.HashSet<String>();
		var days = new java.util.HashSet<String>();
		for (var ritual : rituals) {
			kinds.add(ritual.path("kind").asString());
			assertThat(days.add(ritual.path("kind").asString() + ritual.path("day").asString())).isTrue();
			if (ritual.path("kind").asString().equals("DEMO_JAM")) {
				var presenters = new ArrayList<String>();
				ritual.path("presenterIds").forEach(p -> presenters.add(p.asString()));
				assertThat(presenters).hasSize(2).doesNotHaveDuplicates();
				for (var former : previous) {
					assertThat(presenters).doesNotContain(former);
				}
				assertThat(members).containsAll(presenters);
				previous = presenters;
			}
			if (ritual.path("kind").asString().equals("PEER_REVIEW")) {
				assertThat(ritual.path("opportunityIds").size()).isBetween(1, 2);
			}
		}
		assertThat(kinds).contains("DEMO_JAM", "PEER_REVIEW", "WIN_LOSS_RETRO");
	}

	@Test
	void feedIsReadableByItsSecretAddressOnlyAndHidesWhyPeopleAreAway() {
		var id = cascade().path("id").asString();
		as("sa-manager").post("/api/v1/circles/" + id + "/rituals/plan", "{}");
		var hannah = DemoOrganisation.person(as("admin"), "Hannah Cole");
		var day = java.time.LocalDate.now().plusDays(150).toString();
		var absence = as("admin").post("/api/v1/people/" + hannah + "/absences",
				Http.json(Map.of("kind", "SICK", "startDate", day, "endDate", day, "note", "dentist appointment")));
		assertThat(absence.status()).as(absence.body()).isIn(201, 409);

		assertProblem(as("ae").post("/api/v1/circles/" + id + "/calendar-feed", "{}"), 403, "forbidden");
		var issued = as("sa").post("/api/v1/circles/" + id + "/calendar-feed", "{}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		var url = issued.json().path("url").asString();
		var path = url.substring(url.indexOf("/api/v1/calendar-feeds/"));

		var feed = Http.to(port).get(path);
		assertThat(feed.status()).as(feed.body()).isEqualTo(200);
		assertThat(feed.contentType()).startsWith("text/calendar");
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("Demo Jam").contains("Win/Loss Retro")
				.contains("Hannah Cole away").doesNotContain("dentist").doesNotContain("SICK");

		var reissued = as("sa-manager").post("/api/v1/circles/" + id + "/calendar-feed", "{}");
		assertThat(reissued.status()).isEqualTo(200);
		assertProblem(Http.to(port).get(path), 404, "calendar-feed-unknown");
		assertProblem(Http.to(port).get("/api/v1/calendar-feeds/guess.ics"), 404, "calendar-feed-unknown");
	}
}
