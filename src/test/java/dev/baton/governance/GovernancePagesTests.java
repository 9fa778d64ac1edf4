package dev.baton.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * The governance pages in a browser session: each renders for the roles that may see it, and
 * the forms go through the same rules as the API.
 */
@BatonIntegrationTest
class GovernancePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	private Http browser(String username) {
		return PageSession.login(port, username);
	}

	private static String csrf(String html) {
		return PageSession.csrf(html);
	}

	@Test
	void everyPageRendersForAManager() {
		var manager = browser("sa-manager");
		for (var path : new String[] { "/governance/onsite", "/governance/judgments", "/governance/tasks",
				"/governance/rituals", "/governance/reports" }) {
			var page = manager.get(path);
			assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
			assertThat(page.body()).contains("<main");
		}
		var csv = manager.get("/governance/reports/load.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("circle,person,assigned,assisting");
	}

	@Test
	void reportsAreNotForAes() {
		assertThat(browser("ae").get("/governance/reports").status()).isEqualTo(403);
	}

	@Test
	void filingWithoutThePrerequisitesShowsWhy() {
		var sa = browser("sa");
		var page = sa.get("/governance/onsite");
		var opportunity = new DealFixtures(port).opportunity(Map.of()).path("id").asString();
		// a day counted from the test clock, so it stays in the future whenever the test runs
		var agenda = LocalDate.now(clock).plusDays(60) + ": Workshop";
		var response = sa.postForm("/governance/onsite", Map.of("_csrf", csrf(page.body()), "opportunityId", opportunity,
				"amount", "2400", "currency", "USD", "engagementSummary", "Workshop asked for",
				"stakeholders", "Maria Gonzalez, VP Engineering", "agenda", agenda));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("agreed-upon agenda").contains("budget");

		var filed = sa.postForm("/governance/onsite", Map.of("_csrf", csrf(page.body()), "opportunityId", opportunity,
				"amount", "2400", "currency", "USD", "engagementSummary", "Workshop asked for",
				"attendeeIds", new DealFixtures(port).as("admin").get("/api/v1/people").json().get(0).path("id").asString(),
				"stakeholders", "Maria Gonzalez, VP Engineering", "agenda", agenda,
				"customerAgreedAgenda", "true", "budgetedInitiative", "true"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(302);
		var detail = sa.get(filed.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(detail.status()).as(detail.body()).isEqualTo(200);
		assertThat(detail.body()).contains("AWAITING_APPROVAL").contains("Maria Gonzalez");
	}
}
