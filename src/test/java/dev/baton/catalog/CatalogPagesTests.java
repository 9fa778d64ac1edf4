package dev.baton.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;

/**
 * The catalog pages: everyone on the staff reads products, plans and versions; an administrator
 * starts a draft from the latest version and sets a price on it, and the page shows, before
 * anyone publishes, what would stop the draft from being published.
 */
@BatonIntegrationTest
class CatalogPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void anAdministratorDraftsAVersionAndSeesWhatStopsItsPublication() {
		var ae = PageSession.as(port, "ae").get("/catalog").body();
		assertThat(ae).contains("Premium (SaaS)").contains("Per unit, per seat").contains("Published, in effect")
				.doesNotContain("Start the draft");

		var admin = PageSession.as(port, "admin");
		// a draft whose effective day is already past cannot be published: the page says so before anyone tries
		var yesterday = LocalDate.now(clock).minusDays(1).toString();
		var drafted = admin.submit("/catalog", "/catalog/price-books", "name", "Backdated", "effectiveFrom", yesterday,
				"grandfathering", "KEEP_UNTIL_RENEWAL", "basedOn", latestPublished());
		var draft = admin.follow(drafted);
		var path = drafted.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(draft.body()).contains("started with the prices of the version it is based on").contains("348.00 per seat");
		assertThat(draft.body().replaceAll("\\s+", " ")).contains("disabled=\"disabled\">Publish");

		var set = admin.follow(admin.submit(path, path + "/prices", "planCode", "storage-pack", "currency", "EUR",
				"unitPrice", "58", "includedUnits", "", "packageSize", "10", "version", "0"));
		assertThat(set.body()).contains("Price of storage-pack in EUR set.").contains("58.00 per 10 GB");
		var stale = admin.follow(admin.submit(path, path + "/prices", "planCode", "storage-pack", "currency", "EUR",
				"unitPrice", "59", "version", "0"));
		assertThat(stale.body()).as("a form older than the draft is refused").contains("id=\"error-summary\"")
				.contains("58.00 per 10 GB");
		var refused = admin.follow(admin.submit(path, path + "/publication", "version", "1", "reason", "try"));
		assertThat(refused.body()).contains("id=\"error-summary\"").contains("Draft; to take effect on " + yesterday);
		assertThat(PageSession.as(port, "ae").submit("/catalog", "/catalog/price-books", "name", "Mine", "effectiveFrom",
				yesterday).status()).isEqualTo(403);
	}

	private String latestPublished() {
		for (var version : Http.to(port).as("admin").get("/api/v1/price-books").json()) {
			if (version.path("status").asString().equals("PUBLISHED")) {
				return version.path("id").asString();
			}
		}
		throw new AssertionError("no published version");
	}
}
