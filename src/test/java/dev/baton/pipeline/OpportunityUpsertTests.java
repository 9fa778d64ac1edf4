package dev.baton.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Segment;

/**
 * The CRM's upsert of an opportunity by its external id: create then update, labels accepted,
 * every wrong field named, optional If-Match, and who may call it.
 */
@BatonIntegrationTest
class OpportunityUpsertTests {

	static final String AE_EMAIL = "alex.morgan@baton.example";

	@LocalServerPort
	int port;

	@Autowired
	Pipeline pipeline;

	@Autowired
	Organisation organisation;

	private Http admin() {
		return Http.to(port).as("admin");
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	static Map<String, Object> body(String accountId) {
		var body = new LinkedHashMap<String, Object>();
		body.put("name", "Umbrella: CI/CD consolidation");
		body.put("account", Map.of("externalId", accountId, "name", "Umbrella " + accountId, "industry", "Pharma",
				"regionKey", "EMEA", "named", true));
		body.put("ownerEmail", AE_EMAIL);
		body.put("segment", "Mid-Market Named (Key)");
		body.put("businessUnit", "Commercial");
		body.put("regionKey", "AMER");
		body.put("stage", "3-Technical Evaluation");
		body.put("netArr", Map.of("amount", 85000, "currency", "USD"));
		body.put("closeDate", "2027-03-31");
		body.put("subscriptionType", "Self-Managed");
		body.put("forecastCategory", "Best Case");
		body.put("commandPlan", Map.of("whyNow", "Jenkins renewal in 90 days", "pains", List.of("40 plugins"),
				"useCases", List.of("CI/CD"), "devOpsStack", Map.of("scm", "Bitbucket", "ciCd", "Jenkins",
						"cloudVendors", List.of("AWS")),
				"competitors", List.of("GitHub"), "attendees", List.of(Map.of("name", "Maria", "title", "VP Eng")),
				"compellingEvent", "Renewal", "meddppicc", Map.of("metrics", "Lead time 2w to 2d", "champion",
						"Tom", "economicBuyer", "Maria")));
		return body;
	}

	private static List<String> fields(Http.Response response) {
		var fields = new ArrayList<String>();
		response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
		return fields;
	}

	static void assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/" + type);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("SELECT");
	}

	@Test
	void createsThenUpdatesByExternalId() {
		var externalId = "OPP-" + unique();
		var accountId = "ACC-" + unique();

		var created = admin().put("/api/v1/opportunities/" + externalId, Http.json(body(accountId)));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var id = created.json().path("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/opportunities/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		var json = created.json();
		assertThat(json.path("externalId").asString()).isEqualTo(externalId);
		assertThat(json.path("stage").asString()).isEqualTo("TECHNICAL_EVALUATION");
		assertThat(json.path("segment").asString()).isEqualTo("MM_NAMED");
		assertThat(json.path("subscriptionType").asString()).isEqualTo("SELF_MANAGED");
		assertThat(json.path("netArr").path("amount").decimalValue()).isEqualByComparingTo("85000");
		assertThat(json.path("commandPlan").path("meddppicc").path("champion").asString()).isEqualTo("Tom");
		var account = pipeline.accountByExternalId(accountId).orElseThrow();
		assertThat(account.name()).isEqualTo("Umbrella " + accountId);
		assertThat(account.named()).isTrue();
		assertThat(json.path("accountId").asString()).isEqualTo(account.id().toString());

		var change = body(accountId);
		change.put("stage", "PROPOSAL");
		change.put("netArr", Map.of("amount", 90000.5, "currency", "USD"));
		var updated = admin().put("/api/v1/opportunities/" + externalId, Http.json(change));

		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.header("Location")).isNull();
		assertThat(updated.header("ETag")).isEqualTo("\"1\"");
		var stored = pipeline.opportunityByExternalId(externalId).orElseThrow();
		assertThat(stored.id().toString()).isEqualTo(id);
		assertThat(stored.stage()).isEqualTo(Stage.PROPOSAL);
		assertThat(stored.netArr().amount()).isEqualByComparingTo("90000.50");
		var trail = admin().get("/api/v1/audit?entityType=opportunity&entityId=" + id).json().path("items");
		assertThat(trail.get(0).path("action").asString()).isEqualTo("opportunity.updated");
		assertThat(trail.get(0).path("details").path("changes").path("stage").path("to").asString())
				.isEqualTo("PROPOSAL");
		assertThat(trail.get(1).path("action").asString()).isEqualTo("opportunity.created");
	}

	@Test
	void sendingTheSameDataAgainChangesNothing() {
		var externalId = "OPP-" + unique();
		var body = Http.json(body("ACC-" + unique()));
		admin().put("/api/v1/opportunities/" + externalId, body);

		var again = admin().put("/api/v1/opportunities/" + externalId, body);

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("ETag")).isEqualTo("\"0\"");
		var id = again.json().path("id").asString();
		var trail = admin().get("/api/v1/audit?entityType=opportunity&entityId=" + id).json().path("items");
		assertThat(trail.size()).isEqualTo(1);
	}

	@Test
	void ifMatchIsOptionalButHonoured() {
		var externalId = "OPP-" + unique();
		var accountId = "ACC-" + unique();
		var path = "/api/v1/opportunities/" + externalId;

		var createWithIfMatch = admin().header("If-Match", "\"0\"").put(path, Http.json(body(accountId)));
		assertProblem(createWithIfMatch, 409, "stale-version");
		assertThat(pipeline.opportunityByExternalId(externalId)).isEmpty();

		assertThat(admin().put(path, Http.json(body(accountId))).status()).isEqualTo(201);
		var change = body(accountId);
		change.put("stage", "4-Proposal");
		assertThat(admin().header("If-Match", "\"0\"").put(path, Http.json(change)).status()).isEqualTo(200);
		change.put("stage", "5-Negotiating");
		var stale = admin().header("If-Match", "\"0\"").put(path, Http.json(change));

		assertProblem(stale, 409, "stale-version");
		assertThat(pipeline.opportunityByExternalId(externalId).orElseThrow().stage()).isEqualTo(Stage.PROPOSAL);
	}

	@Test
	void namesEveryWrongFieldAndWritesNothing() {
		var externalId = "OPP-" + unique();
		var body = new LinkedHashMap<String, Object>();
		body.put("account", Map.of("name", "No id"));
		body.put("ownerEmail", "nobody@nowhere.example");
		body.put("segment", "Gold");
		body.put("regionKey", "MARS");
		body.put("stage", "9-Won");
		body.put("netArr", Map.of("currency", "DOLLARS"));
		body.put("closeDate", "30/09/2026");
		body.put("subscriptionType", "Cloud");
		body.put("commandPlan", Map.of("pains", List.of("real pain", " ")));

		var response = admin().put("/api/v1/opportunities/" + externalId, Http.json(body));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactlyInAnyOrder("name", "account.externalId", "ownerEmail", "segment",
				"regionKey", "stage", "netArr.amount", "netArr.currency", "closeDate", "subscriptionType",
				"commandPlan.pains[1]");
		assertThat(response.json().path("errors").toString()).contains("3-Technical Evaluation");
		assertThat(pipeline.opportunityByExternalId(externalId)).isEmpty();
	}

	@Test
	void refusesAnExternalIdThatIsNoCrmId() {
		var response = admin().put("/api/v1/opportunities/-leading-dash", Http.json(body("ACC-" + unique())));

		assertProblem(response, 400, "validation-failed");
		assertThat(fields(response)).containsExactly("externalId");
	}

	@Test
	void anUnknownAccountNeedsItsNameAKnownOneDoesNot() {
		var unknown = body("ACC-" + unique());
		unknown.put("account", Map.of("externalId", "ACC-" + unique()));
		var known = body("CRM-ACC-1001");
		known.put("account", Map.of("externalId", "CRM-ACC-1001"));

		var refused = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(unknown));
		var accepted = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(known));

		assertProblem(refused, 400, "validation-failed");
		assertThat(fields(refused)).containsExactly("account.name");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.json().path("accountId").asString())
				.isEqualTo(pipeline.accountByExternalId("CRM-ACC-1001").orElseThrow().id().toString());
		assertThat(pipeline.accountByExternalId("CRM-ACC-1001").orElseThrow().name()).isEqualTo("Acme Logistics");
	}

	@Test
	void updatesTheAccountFromItsFields() {
		var accountId = "ACC-" + unique();
		admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(body(accountId)));
		var change = body(accountId);
		change.put("account", Map.of("externalId", accountId, "industry", "Life Sciences"));

		admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(change));

		var account = pipeline.accountByExternalId(accountId).orElseThrow();
		assertThat(account.industry()).isEqualTo("Life Sciences");
		assertThat(account.name()).as("fields left out are kept").isEqualTo("Umbrella " + accountId);
		assertThat(account.version()).isEqualTo(1);
	}

	@Test
	void findsTheOwnerByIdOrEmailAndRequiresAnAe() {
		var alex = organisation.personByEmail(AE_EMAIL).orElseThrow();
		var byId = body("ACC-" + unique());
		byId.remove("ownerEmail");
		byId.put("ownerId", alex.id().toString());
		var notAnAe = body("ACC-" + unique());
		notAnAe.put("ownerEmail", "sam.rivera@baton.example");
		var contradicting = body("ACC-" + unique());
		contradicting.put("ownerId", organisation.personByEmail("jordan.brooks@baton.example").orElseThrow().id().toString());
		var none = body("ACC-" + unique());
		none.remove("ownerEmail");

		var created = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(byId));
		var refusedSa = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(notAnAe));
		var refusedBoth = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(contradicting));
		var refusedNone = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(none));

		assertThat(created.json().path("ownerId").asString()).isEqualTo(alex.id().toString());
		assertProblem(refusedSa, 400, "validation-failed");
		assertThat(refusedSa.json().path("errors").get(0).path("message").asString()).contains("must name an AE");
		assertProblem(refusedBoth, 400, "validation-failed");
		assertThat(fields(refusedBoth)).containsExactly("ownerEmail");
		assertProblem(refusedNone, 400, "validation-failed");
		assertThat(fields(refusedNone)).containsExactly("ownerEmail");
	}

	@Test
	void theSegmentDefaultsToTheOwnersSegment() {
		var body = body("ACC-" + unique());
		body.remove("segment");

		var created = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(body));

		assertThat(created.json().path("segment").asString()).isEqualTo(Segment.MM_FIRST_ORDER.name());
	}

	@ParameterizedTest(name = "stage ''{0}'', subscription ''{1}''")
	@CsvSource({ "0-Pending Acceptance, SaaS, PENDING_ACCEPTANCE, SAAS",
			"TECHNICAL_EVALUATION, SELF_MANAGED, TECHNICAL_EVALUATION, SELF_MANAGED",
			"6-Awaiting Signature, Dedicated, AWAITING_SIGNATURE, DEDICATED",
			"Closed Won, saas, CLOSED_WON, SAAS" })
	void acceptsCrmLabelsAndEnumNames(String stage, String subscription, Stage expectedStage,
			SubscriptionType expectedType) {
		var body = body("ACC-" + unique());
		body.put("stage", stage);
		body.put("subscriptionType", subscription);

		var created = admin().put("/api/v1/opportunities/OPP-" + unique(), Http.json(body));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("stage").asString()).isEqualTo(expectedStage.name());
		assertThat(created.json().path("subscriptionType").asString()).isEqualTo(expectedType.name());
	}

	@Test
	void leavingOutTheCommandPlanKeepsTheStoredOne() {
		var externalId = "OPP-" + unique();
		var accountId = "ACC-" + unique();
		admin().put("/api/v1/opportunities/" + externalId, Http.json(body(accountId)));
		var change = body(accountId);
		change.remove("commandPlan");
		change.put("stage", "2-Scoping");

		admin().put("/api/v1/opportunities/" + externalId, Http.json(change));

		var stored = pipeline.opportunityByExternalId(externalId).orElseThrow();
		assertThat(stored.stage()).isEqualTo(Stage.SCOPING);
		assertThat(stored.commandPlan().whyNow()).isEqualTo("Jenkins renewal in 90 days");
		assertThat(stored.commandPlan().meddppicc().metrics()).isEqualTo("Lead time 2w to 2d");
	}

	@Test
	void concurrentUpsertsOfANewOpportunityCreateItOnce() {
		var externalId = "OPP-" + unique();
		var accountId = "ACC-" + unique();
		var body = Http.json(body(accountId));

		var statuses = java.util.stream.IntStream.range(0, 6).parallel()
				.mapToObj(i -> admin().put("/api/v1/opportunities/" + externalId, body).status()).toList();

		assertThat(statuses).containsOnly(200, 201);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(admin().get("/api/v1/opportunities?externalId=" + externalId).json().path("totalItems").asLong())
				.isEqualTo(1);
	}

	@Test
	void findsAnOpportunityByExternalId() {
		var externalId = "OPP-" + unique();
		admin().put("/api/v1/opportunities/" + externalId, Http.json(body("ACC-" + unique())));

		var found = Http.to(port).as("sa").get("/api/v1/opportunities?externalId=" + externalId).json();
		var missing = Http.to(port).as("sa").get("/api/v1/opportunities?externalId=OPP-none-" + unique()).json();

		assertThat(found.path("totalItems").asLong()).isEqualTo(1);
		assertThat(found.path("items").get(0).path("externalId").asString()).isEqualTo(externalId);
		assertThat(missing.path("totalItems").asLong()).isZero();
		assertThat(missing.path("items").size()).isZero();

		// narrowed by its owner: found for the owner, not for someone else
		var owner = found.path("items").get(0).path("ownerId").asString();
		var byOwner = Http.to(port).as("sa").get("/api/v1/opportunities?externalId=" + externalId + "&ownerId=" + owner).json();
		var byOther = Http.to(port).as("sa")
				.get("/api/v1/opportunities?externalId=" + externalId + "&ownerId=" + UUID.randomUUID()).json();
		assertThat(byOwner.path("totalItems").asLong()).isEqualTo(1);
		assertThat(byOther.path("totalItems").asLong()).isZero();
	}

	@ParameterizedTest(name = "PUT as {0} -> {1}")
	@CsvSource({ "admin, 201", "deal-desk, 201", "ae, 403", "sa, 403", "sa-manager, 403", "finance, 403",
			"customer, 403", "partner, 403" })
	void onlyAdministratorsAndDealDeskUpsert(String user, int expected) {
		var response = Http.to(port).as(user).put("/api/v1/opportunities/OPP-" + unique(),
				Http.json(body("ACC-" + unique())));

		assertThat(response.status()).as(response.body()).isEqualTo(expected);
	}
}
