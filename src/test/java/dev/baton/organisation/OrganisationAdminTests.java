package dev.baton.organisation;

import static dev.baton.organisation.OrganisationFixtures.assertProblem;
import static dev.baton.organisation.OrganisationFixtures.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import tools.jackson.databind.JsonNode;

/**
 * Administrators set up regions, boards with their calendars, people and circles through the
 * API: every wrong field named at once, versions on updates, uniqueness as 409.
 */
@BatonIntegrationTest
class OrganisationAdminTests {

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	OrganisationFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new OrganisationFixtures(port);
	}

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private static String unique() {
		return OrganisationFixtures.unique();
	}

	// regions ---------------------------------------------------------------------------------

	@Test
	void createsRegionAndRefusesTheSameKeyAgain() {
		var key = "R" + unique().toUpperCase().replaceAll("[^A-Z0-9]", "X");
		var created = admin().post("/api/v1/regions", Http.json(Map.of("key", key, "name", "Latin America")));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/regions/" + key);
		assertThat(admin().get("/api/v1/regions/" + key).json().path("name").asString()).isEqualTo("Latin America");

		var again = admin().post("/api/v1/regions", Http.json(Map.of("key", key, "name", "Other")));
		assertProblem(again, 409, "organisation-region-exists");
	}

	@Test
	void refusesRegionNamingEveryBadField() {
		var response = admin().post("/api/v1/regions", Http.json(Map.of("key", "emea lower", "name", " ")));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactlyInAnyOrder("key", "name");
	}

	// boards ----------------------------------------------------------------------------------

	private Map<String, Object> newBoard(String key) {
		return new LinkedHashMap<>(Map.of("key", key, "name", "Board " + key, "regionKey", "AMER", "engagementModel",
				"Commercial", "calendar", Map.of("zone", "America/Chicago", "holidays", Map.of("2027-07-05",
						"Independence Day (observed)"))));
	}

	@Test
	void createsBoardWithStandardHoursWhenNoneAreGiven() {
		var key = "board-" + unique();
		var created = admin().post("/api/v1/boards", Http.json(newBoard(key)));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/boards/" + key);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		var calendar = created.json().path("calendar");
		assertThat(calendar.path("zone").asString()).isEqualTo("America/Chicago");
		assertThat(calendar.path("hours").path("MONDAY").path("start").asString()).startsWith("09:00");
		assertThat(calendar.path("hours").path("FRIDAY").path("end").asString()).startsWith("17:00");
		assertThat(calendar.path("hours").has("SATURDAY")).isFalse();
		var stored = organisation.board(key).calendar();
		assertThat(stored.isWorkingDay(LocalDate.parse("2027-07-05"))).isFalse();
		assertThat(stored.isWorkingDay(LocalDate.parse("2027-07-06"))).isTrue();
	}

	@Test
	void refusesBoardNamingEveryBadField() {
		var body = Map.of("key", "Bad Key", "name", "", "regionKey", "NOWHERE", "engagementModel", " ", "calendar",
				Map.of("zone", "Mars/Olympus_Mons", "hours", Map.of("MONDAY", Map.of("start", "17:00", "end", "09:00")),
						"holidays", Map.of("2027-01-01", "")));

		var response = admin().post("/api/v1/boards", Http.json(body));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactlyInAnyOrder("key", "name", "regionKey", "engagementModel",
				"calendar.zone", "calendar.hours.MONDAY", "calendar.holidays.2027-01-01");
	}

	@Test
	void refusesBoardWithoutCalendar() {
		var body = newBoard("board-" + unique());
		body.remove("calendar");

		var response = admin().post("/api/v1/boards", Http.json(body));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactly("calendar");
	}

	@Test
	void refusesSecondBoardWithTheSameKey() {
		var key = "board-" + unique();
		assertThat(admin().post("/api/v1/boards", Http.json(newBoard(key))).status()).isEqualTo(201);

		assertProblem(admin().post("/api/v1/boards", Http.json(newBoard(key))), 409, "organisation-board-exists");
	}

	@Test
	void renamesBoardWithTheVersionItRead() {
		var key = "board-" + unique();
		admin().post("/api/v1/boards", Http.json(newBoard(key)));
		var change = Http.json(Map.of("name", "Renamed board", "engagementModel", "Enterprise"));

		assertProblem(admin().put("/api/v1/boards/" + key, change), 428, "precondition-required");
		var renamed = admin().header("If-Match", "\"0\"").put("/api/v1/boards/" + key, change);
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
		assertThat(renamed.json().path("name").asString()).isEqualTo("Renamed board");
		assertThat(renamed.json().path("engagementModel").asString()).isEqualTo("Enterprise");

		var stale = admin().header("If-Match", "\"0\"").put("/api/v1/boards/" + key,
				Http.json(Map.of("name", "Lost update", "engagementModel", "Enterprise")));
		assertProblem(stale, 409, "stale-version");
		assertThat(admin().get("/api/v1/boards/" + key).json().path("name").asString()).isEqualTo("Renamed board");
	}

	@Test
	void replacesTheWholeCalendar() {
		var key = "board-" + unique();
		admin().post("/api/v1/boards", Http.json(newBoard(key)));
		var hours = new LinkedHashMap<String, Object>();
		for (var day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY")) {
			hours.put(day, Map.of("start", "08:00", "end", "16:30"));
		}
		hours.put("FRIDAY", null);
		var calendar = Map.of("zone", "Europe/Berlin", "hours", hours, "holidays",
				Map.of("2026-12-24", "Heiligabend", "2026-12-25", "Erster Weihnachtstag"));

		var response = admin().header("If-Match", "\"0\"").put("/api/v1/boards/" + key + "/calendar",
				Http.json(calendar));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
		var stored = organisation.board(key).calendar();
		assertThat(stored.zone().getId()).isEqualTo("Europe/Berlin");
		assertThat(stored.hours()).containsOnlyKeys(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
				java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY);
		assertThat(stored.hours().get(java.time.DayOfWeek.MONDAY).end()).isEqualTo(java.time.LocalTime.of(16, 30));
		assertThat(stored.holidays()).containsOnlyKeys(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"));
	}

	@Test
	void refusesCalendarWithoutHoursOrHolidaysOrOpenDays() {
		var key = "board-" + unique();
		admin().post("/api/v1/boards", Http.json(newBoard(key)));

		var missing = admin().header("If-Match", "\"0\"").put("/api/v1/boards/" + key + "/calendar",
				Http.json(Map.of("zone", "Europe/Berlin")));
		assertProblem(missing, 400, "validation-failed");
		assertThat(fields(missing)).containsExactlyInAnyOrder("hours", "holidays");

		var closed = new LinkedHashMap<String, Object>();
		closed.put("zone", "UTC+02:00");
		closed.put("hours", Map.of());
		closed.put("holidays", Map.of());
		var neverOpen = admin().header("If-Match", "\"0\"").put("/api/v1/boards/" + key + "/calendar",
				Http.json(closed));
		assertProblem(neverOpen, 400, "validation-failed");
		assertThat(fields(neverOpen)).containsExactlyInAnyOrder("zone", "hours");
		assertThat(organisation.board(key).version()).isZero();
	}

	@Test
	void addsRenamesAndRemovesOneHoliday() {
		var key = "board-" + unique();
		admin().post("/api/v1/boards", Http.json(newBoard(key)));
		var path = "/api/v1/boards/" + key + "/holidays/2026-11-26";

		var added = admin().header("If-Match", "\"0\"").put(path, Http.json(Map.of("name", "Thanksgiving")));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().path("calendar").path("holidays").path("2026-11-26").asString())
				.isEqualTo("Thanksgiving");
		var renamed = admin().header("If-Match", "\"1\"").put(path, Http.json(Map.of("name", "Thanksgiving Day")));
		assertThat(renamed.header("ETag")).isEqualTo("\"2\"");
		assertProblem(admin().header("If-Match", "\"1\"").delete(path), 409, "stale-version");

		var removed = admin().header("If-Match", "\"2\"").delete(path);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.json().path("calendar").path("holidays").has("2026-11-26")).isFalse();
		assertThat(organisation.board(key).calendar().holidays()).containsOnlyKeys(LocalDate.parse("2027-07-05"));
		assertProblem(admin().header("If-Match", "\"3\"").delete(path), 404, "not-found");
	}

	// people ----------------------------------------------------------------------------------

	@Test
	void createsPersonWithSkillsThenChangesDetailsAndSkills() {
		var name = "Ada " + unique();
		var body = OrganisationFixtures.personBody(name, "SA");
		body.put("skills", Map.of("kubernetes", "EXPERT", "ci-cd", "WORKING"));
		var created = admin().post("/api/v1/people", Http.json(body));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		var id = created.json().path("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/people/" + id);
		assertThat(created.json().path("skills").path("kubernetes").asString()).isEqualTo("EXPERT");

		body.remove("skills");
		body.put("title", "Staff Solutions Architect");
		body.put("seniority", "STAFF");
		body.put("timeZone", "Europe/Lisbon");
		body.put("regionKey", "EMEA");
		var updated = admin().header("If-Match", "\"0\"").put("/api/v1/people/" + id, Http.json(body));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		assertThat(updated.json().path("seniority").asString()).isEqualTo("STAFF");
		assertThat(updated.json().path("timeZone").asString()).isEqualTo("Europe/Lisbon");
		assertThat(updated.json().path("skills").size()).isEqualTo(2);

		var skills = admin().header("If-Match", "\"1\"").put("/api/v1/people/" + id + "/skills",
				Http.json(Map.of("gitaly", "BASIC")));
		assertThat(skills.status()).isEqualTo(200);
		assertThat(skills.header("ETag")).isEqualTo("\"2\"");
		assertThat(organisation.person(PersonId.of(id)).skills()).containsOnlyKeys("gitaly");

		assertProblem(admin().header("If-Match", "\"1\"").put("/api/v1/people/" + id, Http.json(body)), 409,
				"stale-version");
		var audit = admin().get("/api/v1/audit?entityType=person&entityId=" + id).json().path("items");
		assertThat(audit.findValuesAsString("action")).contains("person.created", "person.updated",
				"person.skills-replaced");
	}

	@Test
	void refusesPersonNamingEveryBadField() {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", " ");
		body.put("email", "not-an-address");
		body.put("role", "SA");
		body.put("regionKey", "ATLANTIS");
		body.put("timeZone", "+02:00");
		body.put("managerId", UUID.randomUUID().toString());
		body.put("userId", UUID.randomUUID().toString());
		body.put("skills", Map.of("Not A Skill", "EXPERT"));

		var response = admin().post("/api/v1/people", Http.json(body));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactlyInAnyOrder("name", "email", "title", "seniority", "regionKey",
				"timeZone", "managerId", "userId", "skills.Not A Skill");
	}

	@Test
	void aeNeedsASegment() {
		var body = OrganisationFixtures.personBody("Segmentless " + unique(), "AE");
		body.remove("segment");

		var response = admin().post("/api/v1/people", Http.json(body));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactly("segment");
	}

	@Test
	void refusesASecondPersonWithTheSameEmailInAnyCase() {
		var name = "Twin " + unique();
		fixtures.person(name, "AE");
		var body = OrganisationFixtures.personBody(name, "AE");
		body.put("email", ((String) body.get("email")).toUpperCase());

		assertProblem(admin().post("/api/v1/people", Http.json(body)), 409, "organisation-person-email-taken");
	}

	@Test
	void linksALoginToOnePersonOnly() {
		var username = "linked." + unique();
		var userId = fixtures.user(username, "SA");
		var first = OrganisationFixtures.personBody("Linked " + username, "SA");
		first.put("userId", userId);
		fixtures.person(first);
		var second = OrganisationFixtures.personBody("Other " + username, "SA");
		second.put("userId", userId);

		assertProblem(admin().post("/api/v1/people", Http.json(second)), 409, "organisation-user-already-linked");
	}

	@Test
	void refusesAReportingCycle() {
		var bossBody = OrganisationFixtures.personBody("Boss " + unique(), "SA_MANAGER");
		var boss = fixtures.person(bossBody);
		var reportBody = OrganisationFixtures.personBody("Report " + unique(), "SA");
		reportBody.put("managerId", boss);
		var report = fixtures.person(reportBody);
		bossBody.put("managerId", report);

		var response = admin().header("If-Match", "\"0\"").put("/api/v1/people/" + boss, Http.json(bossBody));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactly("managerId");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("cycle");
	}

	@Test
	void keepsACircleMemberAnSa() {
		var saBody = OrganisationFixtures.personBody("Member " + unique(), "SA");
		var sa = fixtures.person(saBody);
		fixtures.circle("Circle " + unique(), null, List.of(sa), List.of());
		saBody.put("role", "AE");
		saBody.put("segment", "SMB_NAMED");

		var response = admin().header("If-Match", "\"0\"").put("/api/v1/people/" + sa, Http.json(saBody));

		assertProblem(response, 409, "organisation-person-in-circle");
	}

	// circles ---------------------------------------------------------------------------------

	@Test
	void createsCircleThenRenamesItAndSetsManagerChannelAndWebhook() {
		var manager = fixtures.person("Manager " + unique(), "SA_MANAGER");
		var sa1 = fixtures.person("First SA " + unique(), "SA");
		var sa2 = fixtures.person("Second SA " + unique(), "SA");
		var ae = fixtures.person("Served AE " + unique(), "AE");
		var id = fixtures.circle("Circle " + unique(), null, List.of(sa1, sa2), List.of(ae));
		assertThat(organisation.circleOfMember(PersonId.of(sa1))).map(Circle::id).contains(UUID.fromString(id));
		assertThat(organisation.circleServing(PersonId.of(ae))).map(Circle::id).contains(UUID.fromString(id));

		var newName = "Renamed circle " + unique();
		var change = new LinkedHashMap<String, Object>();
		change.put("name", newName);
		change.put("boardKey", "commercial-emea");
		change.put("managerId", manager);
		change.put("chatChannel", "#sa-circle-renamed");
		change.put("chatWebhookUrl", "https://chat.example/hooks/abc123");
		var updated = admin().header("If-Match", "\"0\"").put("/api/v1/circles/" + id, Http.json(change));

		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		JsonNode circle = admin().get("/api/v1/circles/" + id).json();
		assertThat(circle.path("name").asString()).isEqualTo(newName);
		assertThat(circle.path("boardKey").asString()).isEqualTo("commercial-emea");
		assertThat(circle.path("managerId").asString()).isEqualTo(manager);
		assertThat(circle.path("chatChannel").asString()).isEqualTo("#sa-circle-renamed");
		assertThat(circle.path("chatWebhookUrl").asString()).isEqualTo("https://chat.example/hooks/abc123");
		assertThat(circle.path("memberIds").size()).isEqualTo(2);
		var asSa = Http.to(port).as("sa").get("/api/v1/circles/" + id).json();
		assertThat(asSa.path("chatWebhookUrl").isNull()).as("the webhook URL is a secret").isTrue();
		assertThat(asSa.path("chatChannel").asString()).isEqualTo("#sa-circle-renamed");

		assertProblem(admin().header("If-Match", "\"0\"").put("/api/v1/circles/" + id, Http.json(change)), 409,
				"stale-version");
	}

	@Test
	void refusesCircleNamingEveryBadField() {
		var ae = fixtures.person("Not an SA " + unique(), "AE");
		var sa = fixtures.person("Not an AE " + unique(), "SA");
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "");
		body.put("boardKey", "no-such-board");
		body.put("managerId", sa);
		body.put("chatWebhookUrl", "ftp://chat.example/hook");
		body.put("memberIds", List.of(ae));
		body.put("servedAeIds", List.of(sa, sa));

		var response = admin().post("/api/v1/circles", Http.json(body));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactlyInAnyOrder("name", "boardKey", "managerId", "chatWebhookUrl",
				"memberIds[0]", "servedAeIds[0]", "servedAeIds[1]");
	}

	@Test
	void webhookMustBeAnHttpUrl() {
		var id = fixtures.circle("Circle " + unique(), null, List.of(), List.of());
		var change = new LinkedHashMap<String, Object>();
		change.put("name", "Circle " + unique());
		change.put("boardKey", "commercial-amer");
		change.put("chatWebhookUrl", "not a url");

		var response = admin().header("If-Match", "\"0\"").put("/api/v1/circles/" + id, Http.json(change));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactly("chatWebhookUrl");
	}

	@Test
	void refusesASecondCircleWithTheSameNameInAnyCase() {
		var name = "Circle Unique " + unique();
		fixtures.circle(name, null, List.of(), List.of());

		var response = admin().post("/api/v1/circles",
				Http.json(Map.of("name", name.toUpperCase(), "boardKey", "commercial-amer")));

		assertProblem(response, 409, "organisation-circle-name-taken");
	}

	@Test
	void anSaIsInOneCircleOnly() {
		var sa = fixtures.person("Busy SA " + unique(), "SA");
		var first = fixtures.circle("Circle " + unique(), null, List.of(sa), List.of());
		var second = fixtures.circle("Circle " + unique(), null, List.of(), List.of());

		var onCreate = admin().post("/api/v1/circles",
				Http.json(Map.of("name", "Circle " + unique(), "boardKey", "commercial-amer", "memberIds", List.of(sa))));
		var onReplace = admin().header("If-Match", "\"0\"").put("/api/v1/circles/" + second + "/members",
				Http.json(Map.of("memberIds", List.of(sa))));

		assertProblem(onCreate, 409, "organisation-sa-in-another-circle");
		assertProblem(onReplace, 409, "organisation-sa-in-another-circle");
		assertThat(onReplace.json().path("circleId").asString()).isEqualTo(first);
		assertThat(organisation.circle(CircleId.of(second)).memberIds()).isEmpty();
	}

	@Test
	void anAeIsServedByOneCircleOnly() {
		var ae = fixtures.person("Served AE " + unique(), "AE");
		fixtures.circle("Circle " + unique(), null, List.of(), List.of(ae));
		var second = fixtures.circle("Circle " + unique(), null, List.of(), List.of());

		var response = admin().header("If-Match", "\"0\"").put("/api/v1/circles/" + second + "/served-aes",
				Http.json(Map.of("servedAeIds", List.of(ae))));

		assertProblem(response, 409, "organisation-ae-served-elsewhere");
	}

	@Test
	void replacesMembersAndServedAesWithTheVersionItRead() {
		var sa1 = fixtures.person("SA one " + unique(), "SA");
		var sa2 = fixtures.person("SA two " + unique(), "SA");
		var ae = fixtures.person("AE one " + unique(), "AE");
		var id = fixtures.circle("Circle " + unique(), null, List.of(sa1), List.of());

		var members = admin().header("If-Match", "\"0\"").put("/api/v1/circles/" + id + "/members",
				Http.json(Map.of("memberIds", List.of(sa2))));
		var aes = admin().header("If-Match", "\"1\"").put("/api/v1/circles/" + id + "/served-aes",
				Http.json(Map.of("servedAeIds", List.of(ae))));
		var stale = admin().header("If-Match", "\"1\"").put("/api/v1/circles/" + id + "/members",
				Http.json(Map.of("memberIds", List.of(sa1))));

		assertThat(members.status()).isEqualTo(200);
		assertThat(aes.status()).isEqualTo(200);
		assertThat(aes.header("ETag")).isEqualTo("\"2\"");
		assertProblem(stale, 409, "stale-version");
		var circle = organisation.circle(CircleId.of(id));
		assertThat(circle.memberIds()).containsExactly(UUID.fromString(sa2));
		assertThat(circle.servedAeIds()).containsExactly(UUID.fromString(ae));
		assertThat(organisation.circleOfMember(PersonId.of(sa1))).isEmpty();
	}
}
