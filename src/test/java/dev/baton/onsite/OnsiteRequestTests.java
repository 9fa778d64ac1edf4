package dev.baton.onsite;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.RecordedEvents;

/**
 * On-site requests through HTTP with the demo people: Sam Rivera ({@code sa}) files, Morgan Lee
 * ({@code sa-manager}) and Marcus Bell ({@code asm}) approve; Nora Quinn ({@code csm}) is the CSM.
 */
@BatonIntegrationTest
class OnsiteRequestTests {

	@LocalServerPort
	int port;

	@Autowired
	RecordedEvents events;

	@Autowired
	MutableClock clock;

	DealFixtures fixtures;

	// on-site days counted from the test clock, so they stay in the future whenever the tests run
	String first;
	String second;
	String later;

	@BeforeEach
	void setUp() {
		fixtures = new DealFixtures(port);
		var today = LocalDate.now(clock);
		first = today.plusDays(80).toString();
		second = today.plusDays(81).toString();
		later = today.plusDays(100).toString();
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Map<String, Object> form(String opportunityId, boolean agreed, boolean budgeted) {
		var body = fixtures.onsiteForm(opportunityId, "2400", List.of(first, second));
		body.put("outstandingActivities", "Confirm the room and the attendee list");
		body.put("customerAgreedAgenda", agreed);
		body.put("budgetedInitiative", budgeted);
		return body;
	}

	private Http.Response file(String opportunityId) {
		var response = fixtures.as("sa").post("/api/v1/onsite-requests", Http.json(form(opportunityId, true, true)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response;
	}

	private Http.Response approve(String user, String id, String etag, String capacity) {
		return fixtures.as(user).header("If-Match", etag).post("/api/v1/onsite-requests/" + id + "/approvals",
				Http.json(Map.of("as", capacity)));
	}

	@Test
	void anIdThatIsNotAUuidIsABadRequestAndAnUnknownOneNotFound() {
		assertThat(fixtures.as("sa").get("/api/v1/onsite-requests/not-a-uuid").status()).isEqualTo(400);
		assertProblem(fixtures.as("sa").get("/api/v1/onsite-requests/" + UUID.randomUUID()), 404, "not-found");
	}

	@Test
	void refusesToFileWithoutBothPrerequisites() {
		var opportunity = fixtures.opportunity(Map.of()).path("id").asString();
		var response = fixtures.as("sa").post("/api/v1/onsite-requests", Http.json(form(opportunity, false, false)));
		assertProblem(response, 422, "onsite-prerequisites-missing");
		var rules = new ArrayList<String>();
		response.json().path("violations").forEach(v -> rules.add(v.path("rule").asString()));
		assertThat(rules).containsExactly("customer-agreed-agenda", "budgeted-initiative");

		var one = fixtures.as("sa").post("/api/v1/onsite-requests", Http.json(form(opportunity, true, false)));
		assertProblem(one, 422, "onsite-prerequisites-missing");
		assertThat(one.json().path("violations")).hasSize(1);
		assertThat(fixtures.as("sa").get("/api/v1/onsite-requests?opportunityId=" + opportunity).json().path("totalItems")
				.asInt()).isZero();
	}

	@Test
	void namesEveryMissingField() {
		var body = new LinkedHashMap<String, Object>();
		body.put("proposedDates", List.of(first));
		body.put("agenda", List.of(Map.of("day", LocalDate.parse(first).plusDays(2).toString(), "plan", "Workshop")));
		var response = fixtures.as("sa").post("/api/v1/onsite-requests", Http.json(body));
		assertProblem(response, 400, "validation-failed");
		var fields = new ArrayList<String>();
		response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
		assertThat(fields).contains("opportunityId", "estimatedCost.amount", "estimatedCost.currency", "attendeeIds",
				"engagementSummary", "stakeholders", "agenda[0].day", "agenda", "customerAgreedAgenda",
				"budgetedInitiative");
	}

	@Test
	void needsTheSaManagerAndTheAsmAndTellsTheAlignedCsm() {
		var opportunity = fixtures.opportunity(Map.of());
		var csm = DemoOrganisation.person(fixtures.as("admin"), "Nora Quinn");
		var aligned = fixtures.as("admin").put("/api/v1/accounts/" + opportunity.path("accountId").asString() + "/csm",
				Http.json(Map.of("csmId", csm)));
		assertThat(aligned.status()).as(aligned.body()).isEqualTo(200);

		var filed = file(opportunity.path("id").asString());
		var id = filed.json().path("id").asString();
		assertThat(filed.json().path("status").asString()).isEqualTo("AWAITING_APPROVAL");
		// Morgan Lee manages Sam's circle; Marcus Bell is the owner AE's manager
		for (var approver : List.of("sa-manager", "asm")) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
					fixtures.as(approver).get("/api/v1/me/notifications?size=200").body())
							.contains("On-site to approve: " + opportunity.path("name").asString()));
		}

		// an SA holds no approver role, so the role check refuses before any on-site rule is asked; that a
		// requester who does hold the role still may not approve is shown in
		// oneWhoHoldsBothRolesGivesOnlyOneApprovalAndARequesterNone
		assertProblem(approve("sa", id, "\"0\"", "SA_MANAGER"), 403, "forbidden");

		var first = approve("sa-manager", id, "\"0\"", "SA_MANAGER");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("status").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(first.header("ETag")).isEqualTo("\"1\"");

		// the same approval twice, or the SA manager in the ASM's place: refused
		assertProblem(approve("sa-manager", id, "\"1\"", "SA_MANAGER"), 403, "onsite-approval-refused");
		assertProblem(approve("sa-manager", id, "\"1\"", "ASM"), 403, "onsite-approval-refused");

		var second = approve("asm", id, "\"1\"", "ASM");
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().path("status").asString()).isEqualTo("APPROVED");
		assertThat(second.json().path("csmId").asString()).isEqualTo(csm);
		assertThat(events.committed()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(OnsiteRequestApproved.class,
				approved -> assertThat(approved.requestId().toString()).isEqualTo(id)));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				fixtures.as("csm").get("/api/v1/me/notifications?size=200").body()).contains("On-site at your account: "
						+ opportunity.path("name").asString()));
		assertThat(fixtures.as("admin").get("/api/v1/audit?entityId=" + id + "&limit=50").body())
				.contains("onsite-request.approved");
	}

	@Test
	void oneWhoHoldsBothRolesGivesOnlyOneApprovalAndARequesterNone() {
		var name = "both-" + DealFixtures.unique();
		fixtures.personWithLogin(name, List.of("SA_MANAGER", "ASM"), "SA_MANAGER");
		var requester = "req-" + DealFixtures.unique();
		fixtures.personWithLogin(requester, List.of("SA", "SA_MANAGER"), "SA");

		var opportunity = fixtures.opportunity(Map.of()).path("id").asString();
		var filed = fixtures.login(requester).post("/api/v1/onsite-requests", Http.json(form(opportunity, true, true)));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		var id = filed.json().path("id").asString();

		// the requester holds the SA manager role, yet may not approve their own request
		var own = fixtures.login(requester).header("If-Match", "\"0\"").post("/api/v1/onsite-requests/" + id
				+ "/approvals", Http.json(Map.of("as", "SA_MANAGER")));
		assertProblem(own, 403, "onsite-approval-refused");
		assertThat(own.json().path("detail").asString()).contains("requester");
		assertThat(own.json().path("violations").get(0).path("rule").asString())
				.isEqualTo(OnsiteRule.NOT_THE_REQUESTER.id());

		var both = fixtures.login(name);
		assertThat(both.header("If-Match", "\"0\"").post("/api/v1/onsite-requests/" + id + "/approvals",
				Http.json(Map.of("as", "SA_MANAGER"))).status()).isEqualTo(200);
		var again = both.header("If-Match", "\"1\"").post("/api/v1/onsite-requests/" + id + "/approvals",
				Http.json(Map.of("as", "ASM")));
		assertProblem(again, 403, "onsite-approval-refused");
		assertThat(again.json().path("detail").asString()).contains("two different people");
		assertThat(again.json().path("violations").get(0).path("rule").asString())
				.isEqualTo(OnsiteRule.TWO_APPROVERS.id());
		assertThat(fixtures.as("admin").get("/api/v1/onsite-requests/" + id).json().path("status").asString())
				.isEqualTo("AWAITING_APPROVAL");
	}

	@Test
	void eitherApproverRejectsWithAReason() {
		var id = file(fixtures.opportunity(Map.of()).path("id").asString()).json().path("id").asString();
		assertProblem(fixtures.as("asm").header("If-Match", "\"0\"").post("/api/v1/onsite-requests/" + id + "/rejection",
				Http.json(Map.of("reason", " "))), 400, "validation-failed");
		var rejected = fixtures.as("asm").header("If-Match", "\"0\"").post("/api/v1/onsite-requests/" + id + "/rejection",
				Http.json(Map.of("reason", "No budget owner named yet")));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.json().path("rejectionReason").asString()).isEqualTo("No budget owner named yet");
		assertProblem(approve("sa-manager", id, "\"1\"", "SA_MANAGER"), 409, "onsite-illegal-state");
	}

	@Test
	void changedDatesClearTheApprovals() {
		var id = file(fixtures.opportunity(Map.of()).path("id").asString()).json().path("id").asString();
		approve("sa-manager", id, "\"0\"", "SA_MANAGER");
		var approved = approve("asm", id, "\"1\"", "ASM");
		assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");

		// the same dates with a new agenda keep the approvals
		var sameDates = fixtures.as("sa").header("If-Match", "\"2\"").put("/api/v1/onsite-requests/" + id + "/schedule",
				Http.json(Map.of("proposedDates", List.of(first, second), "agenda",
						List.of(Map.of("day", first, "plan", "Vision"), Map.of("day", second, "plan", "Workshop")))));
		assertThat(sameDates.status()).as(sameDates.body()).isEqualTo(200);
		assertThat(sameDates.json().path("status").asString()).isEqualTo("APPROVED");

		// only the requester changes them
		assertProblem(fixtures.as("sa-manager").header("If-Match", "\"3\"").put("/api/v1/onsite-requests/" + id + "/schedule",
				Http.json(Map.of("proposedDates", List.of(later), "agenda",
						List.of(Map.of("day", later, "plan", "Workshop"))))), 403, "governance-not-permitted");

		var moved = fixtures.as("sa").header("If-Match", "\"3\"").put("/api/v1/onsite-requests/" + id + "/schedule",
				Http.json(Map.of("proposedDates", List.of(later), "agenda",
						List.of(Map.of("day", later, "plan", "Workshop")))));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().path("status").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(moved.json().path("approvals").path("saManagerId").isNull()).isTrue();
		assertThat(moved.json().path("approvals").path("asmId").isNull()).isTrue();
		var audit = fixtures.as("admin").get("/api/v1/audit?entityId=" + id + "&limit=50").body();
		assertThat(audit).contains("onsite-request.approvals-expired").contains("the proposed dates changed");
	}

	@Test
	void ofTwoConcurrentApprovalsOneWinsTheOtherIsStale() throws Exception {
		var id = file(fixtures.opportunity(Map.of()).path("id").asString()).json().path("id").asString();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> manager = () -> {
				start.await();
				return approve("sa-manager", id, "\"0\"", "SA_MANAGER").status();
			};
			Callable<Integer> asm = () -> {
				start.await();
				return approve("asm", id, "\"0\"", "ASM").status();
			};
			var a = pool.submit(manager);
			var b = pool.submit(asm);
			start.countDown();
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
		} finally {
			pool.shutdownNow();
		}
		var stored = fixtures.as("admin").get("/api/v1/onsite-requests/" + id).json();
		assertThat(stored.path("version").asInt()).isEqualTo(1);
		assertThat(stored.path("status").asString()).isEqualTo("AWAITING_APPROVAL");
	}

	@Test
	void approvalNeedsIfMatch() {
		var id = file(fixtures.opportunity(Map.of()).path("id").asString()).json().path("id").asString();
		assertProblem(fixtures.as("sa-manager").post("/api/v1/onsite-requests/" + id + "/approvals",
				Http.json(Map.of("as", "SA_MANAGER"))), 428, "precondition-required");
	}

	@Test
	void aDayThatIsStillTodayWhereTheRequesterIsIsNotPast() {
		var opportunity = fixtures.opportunity(Map.of()).path("id").asString();
		// 04:00 UTC on 2 December is 21:00 on 1 December in Denver, where Sam Rivera works
		clock.set(Instant.parse("2026-12-02T04:00:00Z"));
		var body = form(opportunity, true, true);
		body.put("proposedDates", List.of("2026-12-01"));
		body.put("agenda", List.of(Map.of("day", "2026-12-01", "plan", "Workshop")));
		var filed = fixtures.as("sa").post("/api/v1/onsite-requests", Http.json(body));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);

		body.put("proposedDates", List.of("2026-11-30"));
		body.put("agenda", List.of(Map.of("day", "2026-11-30", "plan", "Workshop")));
		assertProblem(fixtures.as("sa").post("/api/v1/onsite-requests", Http.json(body)), 400, "validation-failed");
	}
}
