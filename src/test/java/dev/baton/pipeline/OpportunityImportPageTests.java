package dev.baton.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * The import page through a browser session: a CRM report pasted as CSV, the counts and a table
 * of refused lines with every reason; a file that cannot be read; 403 for everyone but admins.
 */
@BatonIntegrationTest
class OpportunityImportPageTests {

	private static final String HEADER = "Opportunity ID,Opportunity Name,Account ID,Account Name,Owner Email,Stage,"
			+ "Net ARR,Currency,Close Date,Subscription Type";

	@LocalServerPort
	int port;

	@Test
	void importsPastedCsvAndListsTheRefusedLines() {
		var unique = UUID.randomUUID().toString().substring(0, 8);
		var csv = HEADER + "\n"
				+ "UI-" + unique + "-1,Page Import " + unique + ",UIA-" + unique + ",Page Account " + unique
				+ ",alex.morgan@baton.example,2-Scoping,\"12,000.00\",USD,2027-03-31,SaaS\n"
				+ "UI-" + unique + "-2,Page Import Bad " + unique + ",UIA-" + unique + ",Page Account " + unique
				+ ",alex.morgan@baton.example,9-Won,12000,USD,31/03/2027,SaaS\n";
		var admin = PageSession.as(port, "admin");

		var imported = admin.submit("/admin/import", "/admin/import", "csvText", csv);
		var page = admin.follow(imported);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"import-result\"").contains("Imported pasted text")
				.contains("<span>Created</span><span class=\"figure\">1</span>")
				.contains("<span>Refused</span><span class=\"figure\">1</span>").contains("id=\"rejected\"")
				.contains("<td class=\"num\">3</td>").contains("UI-" + unique + "-2")
				.contains("Close Date: must be a date such as 2026-09-30").contains("Stage: must be a stage");
		var found = Http.to(port).as("admin").get("/api/v1/opportunities?externalId=UI-" + unique + "-1").json();
		assertThat(found.path("items").size()).isEqualTo(1);
		// PRG: reloading shows the form, not the same result again
		assertThat(admin.get("/admin/import").body()).doesNotContain("id=\"import-result\"");
	}

	@Test
	void aFileThatCannotBeReadImportsNothing() {
		var admin = PageSession.as(port, "admin");

		var refused = admin.submit("/admin/import", "/admin/import", "csvText", "Opportunity ID,Colour\nX-1,blue\n");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Nothing imported").contains("Colour");
	}

	@Test
	void onlyAdministratorsSeeTheImportPage() {
		assertThat(PageSession.as(port, "deal-desk").get("/admin/import").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "sa").get("/admin/import").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "admin").get("/admin/import").status()).isEqualTo(200);
	}
}
