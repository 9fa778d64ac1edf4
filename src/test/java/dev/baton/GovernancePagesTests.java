package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

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
	void reportsAreNotForAes() {
		assertThat(browser("ae").get("/governance/reports").status()).isEqualTo(403);
	}
}
