package dev.baton.engagement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * The board's Done and Declined columns show recent work only
 * ({@code baton.engagement.board.closed-window}, 14 days by default) and link to the column alone
 * with everything older; the open columns are not windowed.
 */
@BatonIntegrationTest
class BoardClosedWindowTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@BeforeEach
	@AfterEach
	void realTime() {
		clock.set(Instant.now());
	}

	@Test
	void aDeclinedRequestLeavesTheBoardAfterTheWindowAndStaysInTheColumnWithOlderWork() {
		var declined = file();
		var refused = Http.to(port).as("sa").post("/api/v1/sa-requests/" + declined + "/decline",
				"{\"reason\": \"Routed to the CSM\"}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		var open = file();
		var sa = PageSession.as(port, "sa");

		var today = sa.get("/board?board=commercial-amer").body();
		assertThat(today).contains("id=\"card-DECLINED-" + declined + "\"").contains("id=\"card-NEW-" + open + "\"")
				.contains("Closed in the last 14 days.")
				.contains("href=\"/board?board=commercial-amer&amp;column=DECLINED&amp;closed=all\"");

		clock.advance(Duration.ofDays(15));
		var later = sa.get("/board?board=commercial-amer").body();
		assertThat(later).as("declined 15 days ago: older than the window")
				.doesNotContain("card-DECLINED-" + declined).contains("id=\"card-NEW-" + open + "\"");
		assertThat(sa.get("/board?board=commercial-amer&column=DECLINED").body()).as("the column alone, recent work")
				.doesNotContain("card-DECLINED-" + declined);
		assertThat(sa.get("/board?board=commercial-amer&column=DECLINED&closed=all").body())
				.as("the column alone with older work").contains("id=\"card-DECLINED-" + declined + "\"");
	}

	private String file() {
		var opportunity = DemoOrganisation.opportunity(Http.to(port).as("admin"), "Acme Logistics: platform consolidation");
		var meeting = clock.instant().plus(Duration.ofDays(10)).toString();
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests", Http.json(Map.of("opportunityId", opportunity,
				"template", "SA_ACTIVITY", "labels", List.of(), "details", Map.of(
						"preferredDates", List.of(Map.of("start", meeting, "timeZone", "America/Chicago")),
						"hosting", "SELF_MANAGED", "pains", List.of("Slow pipelines"),
						"requiredCapabilities", List.of("Merge request approvals"),
						"currentTools", List.of(Map.of("name", "Jenkins", "nonNegotiable", false)),
						"asks", List.of("DEMO"), "customPitchDeck", true,
						"meeting", Map.of("why", "Consolidation", "objectives", "Show the flow", "agenda", "Demo",
								"attendees", List.of(Map.of("name", "Maria Gonzalez", "title", "VP Engineering")))))));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().path("id").asString();
	}
}
