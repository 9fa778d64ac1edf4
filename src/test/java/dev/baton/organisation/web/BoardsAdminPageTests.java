package dev.baton.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.PageSession;
import dev.baton.organisation.OrganisationFixtures;

/**
 * The administrators' board pages through a browser session: creating a board, its calendar and
 * holidays, its SLA policy; the services' refusals next to their fields; stale forms; and 403 for
 * everyone else.
 */
@BatonIntegrationTest
class BoardsAdminPageTests {

	@LocalServerPort
	int port;

	private static String uniqueKey() {
		return "ui-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String createBoard(PageSession admin) {
		var key = uniqueKey();
		var created = admin.submit("/admin/boards", "/admin/boards", "key", key, "name", "Commercial LATAM " + key,
				"regionKey", "AMER", "engagementModel", "Commercial", "zone", "America/Sao_Paulo");
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("/admin/boards/" + key);
		return key;
	}

	@Test
	void anAdminCreatesABoardAndSeesItsPage() {
		var admin = PageSession.as(port, "admin");
		var key = uniqueKey();

		var created = admin.submit("/admin/boards", "/admin/boards", "key", key, "name", "Commercial LATAM",
				"regionKey", "AMER", "engagementModel", "Commercial", "zone", "America/Sao_Paulo");
		var page = admin.follow(created);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Board " + key + " created.").contains("value=\"America/Sao_Paulo\"")
				.contains("name=\"hours.MONDAY.start\" value=\"09:00\"");
		var board = Http.to(port).as("admin").get("/api/v1/boards/" + key).json();
		assertThat(board.path("calendar").path("zone").asString()).isEqualTo("America/Sao_Paulo");
		assertThat(admin.get("/admin/boards").body()).contains(">" + key + "</a>");
	}

	@Test
	void refusedBoardFieldsAreShownNextToTheirFields() {
		var admin = PageSession.as(port, "admin");

		var refused = admin.submit("/admin/boards", "/admin/boards", "key", "Not A Key", "name", "",
				"regionKey", "", "engagementModel", "Commercial", "zone", "Mars/Olympus");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("role=\"alert\"").contains("id=\"f-key-error\"")
				.contains("must be 2 to 64 lower-case letters, digits or dashes").contains("id=\"f-name-error\"")
				.contains("id=\"f-regionKey-error\"").contains("id=\"f-zone-error\"").contains("aria-invalid=\"true\"")
				.contains("value=\"Not A Key\"");

		var key = createBoard(admin);
		var twice = admin.submit("/admin/boards", "/admin/boards", "key", key, "name", "Again", "regionKey", "AMER",
				"engagementModel", "Commercial", "zone", "UTC");
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.body()).contains("Board " + key + " exists already");
	}

	@Test
	void anAdminSetsWorkingHoursAndHolidays() {
		var admin = PageSession.as(port, "admin");
		var key = createBoard(admin);
		var page = "/admin/boards/" + key;

		var saved = admin.submit(page, page + "/calendar", "version", "0", "zone", "America/Bogota",
				"hours.MONDAY.start", "08:00", "hours.MONDAY.end", "16:30", "hours.FRIDAY.start", "08:00",
				"hours.FRIDAY.end", "14:00");
		assertThat(admin.follow(saved).body()).contains("Calendar saved.");
		var calendar = Http.to(port).as("admin").get("/api/v1/boards/" + key).json().path("calendar");
		assertThat(calendar.path("zone").asString()).isEqualTo("America/Bogota");
		assertThat(calendar.path("hours").path("FRIDAY").path("end").asString()).startsWith("14:00");
		assertThat(calendar.path("hours").has("TUESDAY") && !calendar.path("hours").path("TUESDAY").isNull()).isFalse();

		var wrong = admin.submit(page, page + "/calendar", "version", "1", "zone", "America/Bogota",
				"hours.MONDAY.start", "17:00", "hours.MONDAY.end", "09:00", "hours.TUESDAY.start", "09:00");
		assertThat(wrong.body()).contains("id=\"f-hours-MONDAY-error\"").contains("must end after it starts")
				.contains("id=\"f-hours-TUESDAY-error\"").contains("needs both start and end");
		var unreadable = admin.submit(page, page + "/calendar", "version", "1", "zone", "America/Bogota",
				"hours.MONDAY.start", "nine", "hours.MONDAY.end", "17:00");
		assertThat(unreadable.body()).contains("id=\"f-hours-MONDAY-start-error\"").contains("was &#39;nine&#39;");

		var added = admin.submit(page, page + "/holidays", "version", "1", "day", "2026-12-25", "holidayName", "Navidad");
		assertThat(admin.follow(added).body()).contains("Navidad").contains("Fri 25 Dec 2026");

		var stale = admin.submit(page, page + "/holidays", "version", "1", "day", "2026-12-31", "holidayName", "Fin de año");
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("was changed by someone else since version 1");

		var notADay = admin.submit(page, page + "/holidays/christmas/removal", "version", "2");
		assertThat(notADay.status()).isEqualTo(200);
		assertThat(notADay.body()).contains("must be a date such as 2026-12-24 but was &#39;christmas&#39;");

		var removed = admin.submit(page, page + "/holidays/2026-12-25/removal", "version", "2");
		assertThat(admin.follow(removed).body()).contains("Holiday on 2026-12-25 removed.").doesNotContain("Navidad");
	}

	@Test
	void anAdminChangesTheSlaPolicyOfABoard() {
		var admin = PageSession.as(port, "admin");
		var key = createBoard(admin);
		var page = "/admin/boards/" + key + "/sla";

		assertThat(admin.get(page).body()).contains("(the defaults)").contains("value=\"PT4H\"");
		var saved = admin.submit(page, page, "version", "0", "basis", "BUSINESS", "triageDays", "2", "activityDays", "3",
				"expediteTime", "PT6H", "preparationBuffer", "PT4H", "dueSoonWithin", "PT2H");
		assertThat(admin.follow(saved).body()).contains("SLA policy saved.");
		var policy = Http.to(port).as("admin").get("/api/v1/boards/" + key + "/sla-policy").json();
		assertThat(policy.path("triageDays").asInt()).isEqualTo(2);
		assertThat(policy.path("expediteTime").asString()).isEqualTo("PT6H");

		var refused = admin.submit(page, page, "version", "1", "basis", "BUSINESS", "triageDays", "0", "activityDays", "3",
				"expediteTime", "PT6H", "preparationBuffer", "soon", "dueSoonWithin", "PT2H");
		assertThat(refused.body()).contains("id=\"f-preparationBuffer-error\"").contains("must be an ISO-8601 duration");
		var outOfRange = admin.submit(page, page, "version", "1", "basis", "BUSINESS", "triageDays", "0",
				"activityDays", "3", "expediteTime", "PT6H", "preparationBuffer", "PT4H", "dueSoonWithin", "PT2H");
		assertThat(outOfRange.body()).contains("id=\"f-triageDays-error\"").contains("must be between 1 and 10 business days");
		var stale = admin.submit(page, page, "version", "0", "basis", "BUSINESS", "triageDays", "1", "activityDays", "3",
				"expediteTime", "PT6H", "preparationBuffer", "PT4H", "dueSoonWithin", "PT2H");
		assertThat(stale.body()).contains("was changed by someone else");
	}

	@Test
	void onlyAdministratorsSeeTheAdministrationPages() {
		var manager = PageSession.as(port, "sa-manager");
		assertThat(manager.get("/admin").status()).isEqualTo(403);
		assertThat(manager.get("/admin/boards").status()).isEqualTo(403);
		assertThat(manager.get("/admin/boards/commercial-amer").status()).isEqualTo(403);
		assertThat(manager.get("/admin/boards/commercial-amer/sla").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "admin").get("/admin/boards/no-such-board/sla").status()).isEqualTo(404);
		assertThat(PageSession.as(port, "deal-desk").get("/admin/boards").status()).isEqualTo(403);
		assertThat(PageSession.as(port, "admin").get("/admin").body()).contains("href=\"/account/tokens\"")
				.contains("href=\"/admin/import\"");
	}
}
