package dev.baton.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.PageSession;
import dev.baton.organisation.OrganisationFixtures;

/**
 * The administrators' pages for people and circles through a browser session: the paged list,
 * creating and editing people with skills and login roles, creating circles and choosing their
 * members; the services' refusals next to their fields; 403 for everyone else.
 */
@BatonIntegrationTest
class PeopleAndCirclesAdminPageTests {

	@LocalServerPort
	int port;

	private Http api() {
		return Http.to(port).as("admin");
	}

	@Test
	void thePeopleListIsPagedAndFiltersByRole() {
		var admin = PageSession.as(port, "admin");

		var first = admin.get("/admin/people");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).contains("Page 1 of").contains("rel=\"next\"");
		assertThat(first.body().split("href=\"/admin/people/[0-9a-f-]{36}\"").length - 1)
				.isEqualTo(PeopleAdminPageController.PAGE_SIZE);

		var sas = admin.get("/admin/people?role=SA");
		assertThat(sas.body()).contains("Priya Natarajan").doesNotContain("Alex Morgan");
	}

	@Test
	void anAdminAddsAPersonWithSkillsAndEditsThem() {
		var admin = PageSession.as(port, "admin");
		var unique = OrganisationFixtures.unique();
		var manager = DemoOrganisation.person(api(), "Morgan Lee");

		var created = admin.submit("/admin/people/new", "/admin/people", "name", "Rowan " + unique, "email",
				"rowan." + unique + "@people.example", "title", "Solutions Architect", "role", "SA", "seniority", "STAFF",
				"segment", "", "regionKey", "AMER", "timeZone", "America/Denver", "managerId", manager, "login", "",
				"skill.0.name", "kubernetes", "skill.0.level", "EXPERT", "skill.1.name", "", "skill.1.level", "");
		var page = admin.follow(created);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Rowan " + unique + " added.").contains("value=\"kubernetes\"")
				.contains("value=\"America/Denver\"");
		var id = created.header("Location").replaceAll(".*/admin/people/", "");
		var person = api().get("/api/v1/people/" + id).json();
		assertThat(person.path("skills").path("kubernetes").asString()).isEqualTo("EXPERT");
		assertThat(person.path("managerId").asString()).isEqualTo(manager);

		var path = "/admin/people/" + id;
		var skills = admin.submit(path, path + "/skills", "version", "0", "skill.0.name", "gitaly", "skill.0.level",
				"WORKING", "skill.1.name", "", "skill.1.level", "");
		assertThat(admin.follow(skills).body()).contains("Skills saved.").contains("value=\"gitaly\"")
				.doesNotContain("value=\"kubernetes\"");

		var stale = admin.submit(path, path, "version", "0", "name", "Rowan Renamed", "email",
				"rowan." + unique + "@people.example", "title", "Solutions Architect", "role", "SA", "seniority", "STAFF",
				"timeZone", "America/Denver");
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("was changed by someone else since version 0");
	}

	@Test
	void refusedPersonFieldsAreShownNextToTheirFields() {
		var admin = PageSession.as(port, "admin");

		var refused = admin.submit("/admin/people/new", "/admin/people", "name", "Nobody", "email", "not-an-address",
				"title", "", "role", "SA", "seniority", "", "timeZone", "Mars/Olympus", "login", "no-such-login");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"f-login-error\"").contains("is not a known login: no-such-login");
		// each field shows its own refusal, not the first field's
		assertThat(refused.body()).containsPattern("id=\"f-login-error\"\\s+class=\"field-error\">is not a known login: no-such-login<");
		var again = admin.submit("/admin/people/new", "/admin/people", "name", "Nobody", "email", "not-an-address",
				"title", "", "role", "SA", "seniority", "", "timeZone", "Mars/Olympus");
		assertThat(again.body()).contains("id=\"f-email-error\"").contains("id=\"f-title-error\"")
				.contains("id=\"f-seniority-error\"").contains("is required for an SA").contains("id=\"f-timeZone-error\"")
				.contains("value=\"not-an-address\"");
		var badSkill = admin.submit("/admin/people/new", "/admin/people", "name", "Nobody", "email", "nobody@people.example",
				"title", "SA", "role", "SA", "seniority", "SA", "timeZone", "UTC", "skill.0.name", "Not A Skill!",
				"skill.0.level", "EXPERT", "skill.1.name", "gitaly", "skill.1.level", "");
		assertThat(badSkill.body()).contains("id=\"f-skills-error\"").contains("gitaly: choose a level");
	}

	@Test
	void anAdminChangesTheRolesOfAPersonsLogin() {
		var fixtures = new OrganisationFixtures(port);
		var username = "ui-" + OrganisationFixtures.unique();
		var id = fixtures.personWithLogin(username, "SA", null);
		var admin = PageSession.as(port, "admin");
		var path = "/admin/people/" + id;
		assertThat(admin.get(path).body()).contains("Login roles").contains("value=\"" + username + "\"");

		var saved = admin.submit(path, path + "/login-roles", "loginVersion", "0", "roles", "SA", "roles", "SA_MANAGER");

		assertThat(admin.follow(saved).body()).contains("Login roles saved.");
		var login = api().get("/api/v1/users?size=200").body();
		assertThat(login).contains(username);
		var noVersion = admin.submit(path, path + "/login-roles", "roles", "SA");
		assertThat(noVersion.status()).isEqualTo(200);
		assertThat(noVersion.body()).contains("id=\"f-loginRoles-error\"").contains("reload the page");
		var stale = admin.submit(path, path + "/login-roles", "loginVersion", "0", "roles", "SA");
		assertThat(stale.body()).contains("id=\"f-loginRoles-error\"").contains("changed by someone else");
	}

	@Test
	void anAdminCreatesACircleAndChoosesItsMembers() {
		var fixtures = new OrganisationFixtures(port);
		var unique = OrganisationFixtures.unique();
		var board = "ui-circles-" + unique;
		var created = api().post("/api/v1/boards", Http.json(Map.of("key", board, "name", "Circles " + unique,
				"regionKey", "AMER", "engagementModel", "Commercial", "calendar", Map.of("zone", "UTC"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var sa = fixtures.person("Quinn " + unique, "SA");
		var admin = PageSession.as(port, "admin");

		var circle = admin.submit("/admin/circles", "/admin/circles", "name", "Circle Sequoia " + unique, "boardKey", board,
				"managerId", "", "chatChannel", "#sa-sequoia", "chatWebhookUrl", "https://chat.example.com/hooks/T0/B0/X");
		var page = admin.follow(circle);
		assertThat(page.body()).contains("Circle Sequoia " + unique + " created").contains("#sa-sequoia")
				.contains("https://chat.example.com/hooks/T0/B0/X").contains("(in Circle Cascade)");
		var path = circle.header("Location").replaceFirst("^https?://[^/]+", "");
		var id = path.replaceAll(".*/", "");

		var members = admin.submit(path, path + "/members", "version", "0", "memberIds", sa);
		assertThat(admin.follow(members).body()).contains("Members saved.");
		assertThat(api().get("/api/v1/circles/" + id).json().path("memberIds").toString()).contains(sa);

		var priya = DemoOrganisation.person(api(), "Priya Natarajan");
		var taken = admin.submit(path, path + "/members", "version", "1", "memberIds", sa, "memberIds", priya);
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.body()).contains("id=\"f-memberIds-error\"").contains("Circle Cascade");

		var badHook = admin.submit(path, path, "version", "1", "name", "Circle Sequoia " + unique, "boardKey", board,
				"chatWebhookUrl", "ftp://chat.example.com");
		assertThat(badHook.body()).contains("id=\"f-chatWebhookUrl-error\"");
		var stale = admin.submit(path, path, "version", "0", "name", "Circle Sequoia " + unique, "boardKey", board);
		assertThat(stale.body()).contains("was changed by someone else since version 0");

		var emptied = admin.submit(path, path + "/members", "version", "1");
		assertThat(admin.follow(emptied).body()).contains("Members saved.");
	}

	@Test
	void onlyAdministratorsSeeThePeopleAndCirclePages() {
		var manager = PageSession.as(port, "sa-manager");
		assertThat(manager.get("/admin/people").status()).isEqualTo(403);
		assertThat(manager.get("/admin/people/new").status()).isEqualTo(403);
		assertThat(manager.get("/admin/circles").status()).isEqualTo(403);
		var priya = DemoOrganisation.person(api(), "Priya Natarajan");
		assertThat(PageSession.as(port, "sa").get("/admin/people/" + priya).status()).isEqualTo(403);
		// the webhook URL is for administrators only: the circle pages of managers do not show it
		assertThat(manager.get("/circles").body()).doesNotContain("hooks");
	}
}
