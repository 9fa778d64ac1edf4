package dev.baton.onsite;

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
 * The on-site pages in a browser session: the filing form goes through the same rules as the API
 * and says why it refuses; those who may not file see why instead of the form.
 */
@BatonIntegrationTest
class OnsitePagesTests {

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

	@Test
	void aCsmSeesWhyTheyMayNotFile() {
		var page = browser("csm").get("/governance/onsite");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Only an AE or an SA files on-site requests")
				.doesNotContain("File the request");
	}
}
