package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages of the Governance menu (on-site requests, SA Judgment, tasks, rituals, reports, each
 * from its own module) in a browser session: each renders for the roles that may see it.
 */
@BatonIntegrationTest
class GovernancePagesTests {

	@LocalServerPort
	int port;

	private Http browser(String username) {
		return PageSession.login(port, username);
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
	void theFilingFormsOfferTheDealsTheCallerWorksOnAndTheirCirclesSas() {
		var deals = new DealFixtures(port);
		var mine = deals.opportunity(Map.of()).path("name").asString();
		var otherAe = "ae-" + DealFixtures.unique();
		deals.personWithLogin(otherAe, List.of("AE"), "AE");
		var theirs = deals.opportunity(Map.of("ownerEmail", otherAe + "@people.example")).path("name").asString();

		var onsite = browser("ae").get("/governance/onsite").body();
		assertThat(onsite).as("the AE's own deal").contains(mine);
		assertThat(onsite).as("an AE outside the caller's circles").doesNotContain(theirs);
		assertThat(onsite).as("an SA of the circle serving the AE").contains("Sam Rivera");
		var judgments = browser("sa").get("/governance/judgments").body();
		assertThat(judgments).as("a deal of an AE Sam's circle serves").contains(mine).doesNotContain(theirs);
	}

	@Test
	void reportsAreNotForAes() {
		assertThat(browser("ae").get("/governance/reports").status()).isEqualTo(403);
	}
}
