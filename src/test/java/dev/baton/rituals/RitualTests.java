package dev.baton.rituals;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import dev.baton.organisation.CircleId;

/**
 * Circle Cascade's rituals and calendar feed through HTTP.
 */
@BatonIntegrationTest
class RitualTests {

	@LocalServerPort
	int port;

	@Autowired
	Rituals rituals;

	@Autowired
	MutableClock clock;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private String cascade() {
		return DemoOrganisation.circle(as("admin"), "Circle Cascade");
	}

	@Test
	void plansDemoJamsPeerReviewsAndRetrosOnceWithFreshPresenters() {
		var id = cascade();
		var members = new ArrayList<String>();
		as("admin").get("/api/v1/circles/" + id).json().path("memberIds").forEach(m -> members.add(m.asString()));
		assertThat(members).hasSizeGreaterThanOrEqualTo(4);

		var planned = as("sa-manager").post("/api/v1/circles/" + id + "/rituals/plan", "{}");
		assertThat(planned.status()).as(planned.body()).isEqualTo(200);
		var again = as("sa-manager").post("/api/v1/circles/" + id + "/rituals/plan", "{}");
		assertThat(again.json().size()).isEqualTo(planned.json().size());
		assertProblem(as("sa").post("/api/v1/circles/" + id + "/rituals/plan", "{}"), 403, "forbidden");
		// Ingrid Larsen manages Circle Thames, not Cascade
		assertProblem(as("ingrid.larsen").post("/api/v1/circles/" + id + "/rituals/plan", "{}"), 403,
				"governance-not-permitted");
		assertThat(as("admin").post("/api/v1/circles/" + id + "/rituals/plan", "{}").status()).isEqualTo(200);

		var rituals = as("sa").get("/api/v1/circles/" + id + "/rituals?to=" + LocalDate.now().plusDays(119))
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
		var id = cascade();
		as("sa-manager").post("/api/v1/circles/" + id + "/rituals/plan", "{}");
		var hannah = DemoOrganisation.person(as("admin"), "Hannah Cole");
		// no other test books Hannah's time this far ahead, and this one cancels its booking below
		var day = LocalDate.now().plusDays(150).toString();
		var absence = as("admin").post("/api/v1/people/" + hannah + "/absences",
				Http.json(Map.of("kind", "SICK", "startDate", day, "endDate", day, "note", "dentist appointment")));
		assertThat(absence.status()).as(absence.body()).isEqualTo(201);
		try {
			readsTheFeed(id);
		} finally {
			var cancelled = as("admin").delete("/api/v1/people/" + hannah + "/absences/"
					+ absence.json().path("id").asString());
			assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(204);
		}
	}

	private void readsTheFeed(String id) {

		assertProblem(as("ae").post("/api/v1/circles/" + id + "/calendar-feed", "{}"), 403, "forbidden");
		var issued = as("sa").post("/api/v1/circles/" + id + "/calendar-feed", "{}");
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		var url = issued.json().path("url").asString();
		var path = url.substring(url.indexOf("/api/v1/calendar-feeds/"));

		var feed = Http.to(port).get(path);
		assertThat(feed.status()).as(feed.body()).isEqualTo(200);
		// the feed needs no login: peer reviews say how many deals, never which
		var reviewed = 0;
		for (var ritual : as("sa").get("/api/v1/circles/" + id + "/rituals?from=" + LocalDate.now().minusDays(30)
				+ "&to=" + LocalDate.now().plusDays(170)).json()) {
			for (var opportunity : ritual.path("opportunityIds")) {
				var name = as("admin").get("/api/v1/opportunities/" + opportunity.asString()).json().path("name")
						.asString();
				assertThat(name).isNotBlank();
				assertThat(unfolded(feed.body())).doesNotContain(name);
				reviewed++;
			}
		}
		assertThat(reviewed).isPositive();
		assertThat(unfolded(feed.body())).containsPattern("[12] opportunit(y|ies); see the circle's rituals in Baton");
		assertThat(feed.contentType()).startsWith("text/calendar");
		assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("Demo Jam").contains("Win/Loss Retro")
				.contains("Hannah Cole away").doesNotContain("dentist").doesNotContain("SICK");

		var reissued = as("sa-manager").post("/api/v1/circles/" + id + "/calendar-feed", "{}");
		assertThat(reissued.status()).isEqualTo(200);
		assertProblem(Http.to(port).get(path), 404, "calendar-feed-unknown");
		assertProblem(Http.to(port).get("/api/v1/calendar-feeds/guess.ics"), 404, "calendar-feed-unknown");
	}

	// iCalendar folds long lines at 75 octets
	private static String unfolded(String ics) {
		return ics.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";");
	}

	@Test
	void aManagerPlansOnlyTheirOwnCircleOnItsPage() {
		var id = cascade();
		var ingrid = PageSession.as(port, "ingrid.larsen");
		var page = ingrid.get("/governance/rituals?circleId=" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Plan now").contains("Only the manager of Circle Cascade");
		var refused = ingrid.submit("/governance/rituals?circleId=" + id, "/governance/rituals/plan", "circleId", id);
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(PageSession.as(port, "sa-manager").get("/governance/rituals?circleId=" + id).body())
				.contains("Plan now");
	}

	@Test
	void theHourlyPlannerPlansANewCircleInATransactionWithItsAuditTrail() {
		var admin = as("admin");
		var manager = DemoOrganisation.person(admin, "Morgan Lee");
		var created = admin.post("/api/v1/circles", Http.json(Map.of("name", "Circle Planner " + UUID.randomUUID()
				.toString().substring(0, 8), "boardKey", "commercial-amer", "managerId", manager, "memberIds",
				List.of(), "servedAeIds", List.of())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var id = created.json().path("id").asString();

		// the scheduled task runs this, outside any request or transaction
		assertThat(rituals.planAll()).isPositive();

		var planned = admin.get("/api/v1/circles/" + id + "/rituals?to=" + LocalDate.now().plusDays(60)).json();
		assertThat(planned.size()).isPositive();
		for (var ritual : planned) {
			assertThat(admin.get("/api/v1/audit?entityId=" + ritual.path("id").asString() + "&limit=5").body())
					.contains("ritual.planned");
		}
	}

	@Test
	void todayIsTheDayOnTheBoardsCalendar() {
		var id = UUID.fromString(cascade());
		// 03:00 UTC is still the evening before in Chicago, where Circle Cascade's board is
		clock.set(Instant.parse("2026-12-02T03:00:00Z"));
		assertThat(rituals.today(CircleId.of(id))).isEqualTo(LocalDate.parse("2026-12-01"));
	}
}
