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

/**
 * PTO and sick days through the API: who may record them, the date rules, the circle calendar,
 * and the queries the assignment engine uses.
 */
@BatonIntegrationTest
class AbsencesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Organisation organisation;

	OrganisationFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new OrganisationFixtures(port);
	}

	private Http as(String username) {
		return Http.to(port).as(username, OrganisationFixtures.PASSWORD);
	}

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private static String absence(String kind, String start, String end, String note) {
		var body = new LinkedHashMap<String, Object>();
		body.put("kind", kind);
		body.put("startDate", start);
		body.put("endDate", end);
		body.put("note", note);
		return Http.json(body);
	}

	private static String path(String personId) {
		return "/api/v1/people/" + personId + "/absences";
	}

	@Test
	void aPersonRecordsTheirOwnPtoAndReadsItBack() {
		var username = "pto." + OrganisationFixtures.unique();
		var person = fixtures.personWithLogin(username, "SA", null);

		var created = as(username).post(path(person), absence("PTO", "2027-03-01", "2027-03-05", "Skiing"));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var id = created.json().path("id").asString();
		assertThat(created.header("Location")).isEqualTo(path(person) + "/" + id);
		assertThat(created.json().path("createdBy").asString()).isEqualTo(username);
		var listed = as(username).get(path(person)).json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).path("note").asString()).isEqualTo("Skiing");
		assertThat(listed.get(0).path("endDate").asString()).isEqualTo("2027-03-05");
		assertThat(as(username).get(path(person) + "/" + id).json().path("kind").asString()).isEqualTo("PTO");
		var audit = admin().get("/api/v1/audit?entityType=absence&entityId=" + id).json().path("items").get(0);
		assertThat(audit.path("action").asString()).isEqualTo("absence.recorded");
		assertThat(audit.path("actor").asString()).isEqualTo(username);
	}

	@Test
	void anSaManagerRecordsSickDaysForTheirReports() {
		var managerLogin = "mgr." + OrganisationFixtures.unique();
		var manager = fixtures.personWithLogin(managerLogin, "SA_MANAGER", null);
		var report = fixtures.personWithLogin("report." + OrganisationFixtures.unique(), "SA", manager);

		var created = as(managerLogin).post(path(report), absence("SICK", "2027-02-10", "2027-02-10", null));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(organisation.isAbsent(PersonId.of(report), LocalDate.parse("2027-02-10"))).isTrue();
	}

	@Test
	void anSaManagerRecordsAbsencesForMembersOfCirclesTheyManage() {
		var managerLogin = "circlemgr." + OrganisationFixtures.unique();
		var manager = fixtures.personWithLogin(managerLogin, "SA_MANAGER", null);
		var member = fixtures.person("Member " + OrganisationFixtures.unique(), "SA");
		fixtures.circle("Circle " + OrganisationFixtures.unique(), manager, List.of(member), List.of());

		var created = as(managerLogin).post(path(member), absence("PTO", "2027-04-01", "2027-04-02", null));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void othersMayNotRecordOrRemoveSomeonesAbsence() {
		var owner = "owner." + OrganisationFixtures.unique();
		var person = fixtures.personWithLogin(owner, "SA", null);
		var colleague = "colleague." + OrganisationFixtures.unique();
		fixtures.personWithLogin(colleague, "SA", null);
		var id = as(owner).post(path(person), absence("PTO", "2027-05-03", "2027-05-04", null)).json().path("id")
				.asString();

		var byColleague = as(colleague).post(path(person), absence("PTO", "2027-06-01", "2027-06-01", null));
		var byDemoSaManager = Http.to(port).as("sa-manager").post(path(person),
				absence("PTO", "2027-06-01", "2027-06-01", null));
		var removal = as(colleague).delete(path(person) + "/" + id);
		var byCustomer = Http.to(port).as("customer").get(path(person));

		assertProblem(byColleague, 403, "forbidden");
		assertThat(byColleague.json().path("detail").asString()).contains("Person " + owner);
		assertProblem(byDemoSaManager, 403, "forbidden");
		assertProblem(removal, 403, "forbidden");
		assertProblem(byCustomer, 403, "forbidden");
		assertThat(organisation.absencesOf(PersonId.of(person), LocalDate.parse("2027-01-01"),
				LocalDate.parse("2027-12-31"))).hasSize(1);
	}

	@Test
	void administratorsRecordAndRemoveAnyonesAbsence() {
		var person = fixtures.person("Admin managed " + OrganisationFixtures.unique(), "SA");
		var id = admin().post(path(person), absence("PTO", "2027-07-05", "2027-07-09", null)).json().path("id")
				.asString();

		var removed = admin().delete(path(person) + "/" + id);

		assertThat(removed.status()).isEqualTo(204);
		assertThat(organisation.isAbsent(PersonId.of(person), LocalDate.parse("2027-07-06"))).isFalse();
		assertProblem(admin().delete(path(person) + "/" + id), 404, "not-found");
		var audit = admin().get("/api/v1/audit?entityType=absence&entityId=" + id).json().path("items");
		assertThat(audit.findValuesAsString("action")).contains("absence.recorded", "absence.removed");
	}

	@Test
	void refusesAnEndBeforeTheStart() {
		var person = fixtures.person("Backwards " + OrganisationFixtures.unique(), "SA");

		var response = admin().post(path(person), absence("PTO", "2027-03-05", "2027-03-01", null));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactly("endDate");
	}

	@Test
	void refusesAnAbsenceWithoutKindOrDatesNamingEach() {
		var person = fixtures.person("Vague " + OrganisationFixtures.unique(), "SA");

		var response = admin().post(path(person), "{\"note\": \"some time in spring\"}");

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactlyInAnyOrder("kind", "startDate", "endDate");
	}

	@Test
	void refusesOverlappingAbsencesButAcceptsAdjacentOnes() {
		var person = fixtures.person("Overlap " + OrganisationFixtures.unique(), "SA");
		assertThat(admin().post(path(person), absence("PTO", "2027-08-02", "2027-08-06", null)).status()).isEqualTo(201);

		var overlapping = admin().post(path(person), absence("SICK", "2027-08-06", "2027-08-09", null));
		var inside = admin().post(path(person), absence("SICK", "2027-08-03", "2027-08-03", null));
		var adjacent = admin().post(path(person), absence("SICK", "2027-08-07", "2027-08-09", null));

		assertProblem(overlapping, 409, "organisation-absence-overlaps");
		assertThat(overlapping.json().path("detail").asString()).contains("2027-08-02").contains("2027-08-06");
		assertProblem(inside, 409, "organisation-absence-overlaps");
		assertThat(adjacent.status()).isEqualTo(201);
	}

	@Test
	void theDatabaseRefusesOverlapsThatSlipPastTheCheck() {
		var person = UUID.fromString(fixtures.person("Racer " + OrganisationFixtures.unique(), "SA"));
		var first = admin().post(path(person.toString()), absence("PTO", "2027-09-06", "2027-09-10", null));
		assertThat(first.status()).isEqualTo(201);

		var parallel = java.util.stream.IntStream.range(0, 6).parallel()
				.mapToObj(i -> admin().post(path(person.toString()), absence("SICK", "2027-09-13", "2027-09-14", null))
						.status())
				.toList();

		assertThat(parallel).containsOnly(201, 409);
		assertThat(parallel).filteredOn(s -> s == 201).hasSize(1);
	}

	@Test
	void theCircleCalendarShowsItsMembersAbsencesInTheWindow() {
		var sa1 = fixtures.person("Calendar one " + OrganisationFixtures.unique(), "SA");
		var sa2 = fixtures.person("Calendar two " + OrganisationFixtures.unique(), "SA");
		var outsider = fixtures.person("Outsider " + OrganisationFixtures.unique(), "SA");
		var circle = fixtures.circle("Circle " + OrganisationFixtures.unique(), null, List.of(sa1, sa2), List.of());
		admin().post(path(sa1), absence("PTO", "2027-10-25", "2027-11-02", "Family visit"));
		admin().post(path(sa2), absence("SICK", "2027-11-10", "2027-11-10", "Flu"));
		admin().post(path(sa2), absence("PTO", "2027-12-20", "2027-12-31", null));
		admin().post(path(outsider), absence("PTO", "2027-11-01", "2027-11-05", null));

		var november = Http.to(port).as("sa").get("/api/v1/circles/" + circle + "/absences?from=2027-11-01&to=2027-11-30");

		assertThat(november.status()).as(november.body()).isEqualTo(200);
		var items = november.json();
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).path("personId").asString()).isEqualTo(sa1);
		assertThat(items.get(0).path("startDate").asString()).isEqualTo("2027-10-25");
		assertThat(items.get(1).path("kind").asString()).isEqualTo("SICK");
		assertThat(items.get(1).path("note").isNull()).as("notes are private to the person and managers").isTrue();
		var asAdmin = admin().get("/api/v1/circles/" + circle + "/absences?from=2027-11-01&to=2027-11-30").json();
		assertThat(asAdmin.get(1).path("note").asString()).isEqualTo("Flu");
	}

	@Test
	void theCircleCalendarNeedsAWindowOfAtMostAYear() {
		var circle = fixtures.circle("Circle " + OrganisationFixtures.unique(), null, List.of(), List.of());
		var base = "/api/v1/circles/" + circle + "/absences";

		var missing = admin().get(base);
		var backwards = admin().get(base + "?from=2027-11-30&to=2027-11-01");
		var tooLong = admin().get(base + "?from=2027-01-01&to=2028-06-30");
		var notADate = admin().get(base + "?from=next-week&to=2027-11-01");

		assertProblem(missing, 400, "validation-failed");
		assertThat(fields(missing)).containsExactlyInAnyOrder("from", "to");
		assertProblem(backwards, 400, "validation-failed");
		assertProblem(tooLong, 400, "validation-failed");
		assertProblem(notADate, 400, "validation-failed");
		assertThat(fields(notADate)).containsExactly("from");
	}

	@Test
	void theEngineAsksWhoIsAwayOnADayAndInARange() {
		var person = UUID.fromString(fixtures.person("Engine " + OrganisationFixtures.unique(), "SA"));
		admin().post(path(person.toString()), absence("PTO", "2027-12-20", "2027-12-24", null));
		admin().post(path(person.toString()), absence("SICK", "2028-01-03", "2028-01-03", null));

		assertThat(organisation.isAbsent(PersonId.of(person), LocalDate.parse("2027-12-19"))).isFalse();
		assertThat(organisation.isAbsent(PersonId.of(person), LocalDate.parse("2027-12-20"))).isTrue();
		assertThat(organisation.isAbsent(PersonId.of(person), LocalDate.parse("2027-12-24"))).isTrue();
		assertThat(organisation.isAbsent(PersonId.of(person), LocalDate.parse("2027-12-25"))).isFalse();
		assertThat(organisation.absencesOf(PersonId.of(person), LocalDate.parse("2027-12-24"), LocalDate.parse("2028-01-03")))
				.extracting(Absence::kind).containsExactly(AbsenceKind.PTO, AbsenceKind.SICK);
		assertThat(organisation.absencesOf(PersonId.of(person), LocalDate.parse("2027-12-25"), LocalDate.parse("2028-01-02")))
				.isEmpty();
	}

	@Test
	void theEngineReadsTheAbsencesOfSeveralPeopleAtOnce() {
		var away = UUID.fromString(fixtures.person("Batch Away " + OrganisationFixtures.unique(), "SA"));
		var here = UUID.fromString(fixtures.person("Batch Here " + OrganisationFixtures.unique(), "SA"));
		admin().post(path(away.toString()), absence("PTO", "2028-03-06", "2028-03-10", null));
		admin().post(path(away.toString()), absence("SICK", "2028-04-03", "2028-04-03", null));

		var absences = organisation.absencesOf(PersonId.ofAll(List.of(away, here)), LocalDate.parse("2028-03-09"),
				LocalDate.parse("2028-03-31"));

		assertThat(absences).containsOnlyKeys(away, here);
		assertThat(absences.get(away)).extracting(Absence::kind).containsExactly(AbsenceKind.PTO);
		assertThat(absences.get(here)).isEmpty();
	}

	@Test
	void aPersonsListCanBeNarrowedToAWindow() {
		var person = fixtures.person("Window " + OrganisationFixtures.unique(), "SA");
		admin().post(path(person), absence("PTO", "2027-02-01", "2027-02-03", null));
		admin().post(path(person), absence("PTO", "2027-06-01", "2027-06-03", null));

		var june = admin().get(path(person) + "?from=2027-05-01&to=2027-06-30").json();

		assertThat(june.size()).isEqualTo(1);
		assertThat(june.get(0).path("startDate").asString()).isEqualTo("2027-06-01");
		assertThat(Map.of("all", admin().get(path(person)).json().size())).containsEntry("all", 2);
	}
}
