package dev.baton.sizing;

import static dev.baton.sizing.SizingApiTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.pipeline.OpportunityId;

/**
 * Recommendations saved against opportunities: saving, listing newest first, reading one, the
 * audit entry, who may save, and the brief view other modules read.
 */
@BatonIntegrationTest
class SavedSizingsApiTests {

	private static final String SAVE = """
			{"metrics": {"users": 3000, "rps": {"api": {"peak": 150, "sustained": 90}},
			             "availability": {"highAvailability": true, "recoveryPointObjective": "15m"}},
			 "note": "Measured over 14 days in February"}
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SavedSizings savedSizings;

	private Http as(String username) {
		return Http.to(port).as(username);
	}

	private static String path(String opportunityId) {
		return "/api/v1/opportunities/" + opportunityId + "/sizing-recommendations";
	}

	@Test
	void savesTheMetricsAndTheRecommendationAgainstTheOpportunity() {
		String opportunity = WebSession.opportunityId(port, 0);

		var created = as("sa").post(path(opportunity), SAVE);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var body = created.json();
		String id = body.path("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/v1/sizing-recommendations/" + id);
		assertThat(body.path("opportunityId").asString()).isEqualTo(opportunity);
		assertThat(body.path("edition").asString()).isEqualTo("2025-12");
		assertThat(body.path("savedBy").asString()).isEqualTo("sa");
		assertThat(body.path("note").asString()).isEqualTo("Measured over 14 days in February");
		assertThat(body.path("metrics").path("availability").path("recoveryPointObjective").asString()).isEqualTo("15m");
		assertThat(body.path("recommendation").path("architecture").path("id").asString()).isEqualTo("10k");
		assertThat(body.path("links").path("pdf").asString()).isEqualTo("/sizing-recommendations/" + id + ".pdf");

		var read = as("ae").get("/api/v1/sizing-recommendations/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("recommendation")).isEqualTo(body.path("recommendation"));
		assertThat(read.json().path("metrics")).isEqualTo(body.path("metrics"));
	}

	@Test
	void savingIsAuditedWithWhoAndWhat() {
		String id = as("sa-manager").post(path(WebSession.opportunityId(port, 1)), SAVE).json().path("id").asString();

		var entry = jdbc.sql("SELECT actor, action, details::text AS details FROM audit_entry "
				+ "WHERE entity_type = 'sizing-recommendation' AND entity_id = :id").param("id", id)
				.query((rs, row) -> rs.getString("actor") + " " + rs.getString("action") + " " + rs.getString("details"))
				.single();
		assertThat(entry).startsWith("sa-manager sizing-recommendation.saved").contains("\"architecture\": \"10k\"");
	}

	@Test
	void listsTheSavedRecommendationsOfAnOpportunityNewestFirst() {
		String opportunity = WebSession.opportunityId(port, 2);
		String older = as("sa").post(path(opportunity), "{\"metrics\": {\"users\": 1000}}").json().path("id").asString();
		clock.advance(Duration.ofMinutes(5));
		String newer = as("admin").post(path(opportunity), "{\"metrics\": {\"users\": 5000}}").json().path("id")
				.asString();

		var page = as("ae").get(path(opportunity) + "?size=10").json();

		assertThat(page.path("totalItems").asLong()).isEqualTo(2);
		assertThat(page.path("items").findValuesAsString("id")).containsExactly(newer, older);
		assertThat(page.path("items").get(0).path("architecture").asString()).isEqualTo("5k");
		assertThat(page.path("items").get(0).path("link").asString())
				.isEqualTo("/sizing-recommendations/" + newer + "/print");

		Recommendation expected = Sizing.recommend(Sizing.metrics().users(5000));
		var latest = savedSizings.latestFor(OpportunityId.of(opportunity));
		assertThat(latest).hasValueSatisfying(brief -> {
			assertThat(brief.id()).hasToString(newer);
			assertThat(brief.architecture()).isEqualTo("5k");
			assertThat(brief.deployment()).isEqualTo(expected.deployment());
			assertThat(brief.gitalyTopology()).isEqualTo(expected.gitaly().topology());
			assertThat(brief.summary()).isEqualTo(expected.summary());
			assertThat(brief.savedBy()).isEqualTo("admin");
			assertThat(brief.link()).isEqualTo("/sizing-recommendations/" + newer + "/print");
		});
	}

	@Test
	void latestForAnOpportunityWithoutSavesIsEmpty() {
		assertThat(savedSizings.latestFor(OpportunityId.random())).isEmpty();
	}

	@Test
	void savingAgainstAnUnknownOpportunityIs404() {
		String unknown = UUID.randomUUID().toString();

		assertProblem(as("sa").post(path(unknown), SAVE), 404, "not-found");
		assertProblem(as("sa").get(path(unknown)), 404, "not-found");
		assertThat(jdbc.sql("SELECT count(*) FROM sizing_recommendation WHERE opportunity_id = CAST(:id AS uuid)")
				.param("id", unknown).query(Long.class).single()).isZero();
	}

	@Test
	void unknownSavedRecommendationIs404() {
		assertProblem(as("ae").get("/api/v1/sizing-recommendations/" + UUID.randomUUID()), 404, "not-found");
	}

	@Test
	void aeMayReadButNotSave() {
		String opportunity = WebSession.opportunityId(port, 0);

		assertProblem(as("ae").post(path(opportunity), SAVE), 403, "forbidden");
		assertThat(as("ae").get(path(opportunity)).status()).isEqualTo(200);
	}

	@Test
	void customerMayNeitherSaveNorRead() {
		String opportunity = WebSession.opportunityId(port, 0);

		assertProblem(as("customer").post(path(opportunity), SAVE), 403, "forbidden");
		assertProblem(as("customer").get(path(opportunity)), 403, "forbidden");
	}

	@Test
	void badMetricsAreNamedUnderMetrics() {
		var response = as("sa").post(path(WebSession.opportunityId(port, 0)),
				"{\"metrics\": {\"rps\": {\"api\": {\"peak\": -1}}}}");

		assertProblem(response, 400, "validation-failed");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("metrics.rps.api.peak");
	}

	@Test
	void missingMetricsAndOverlongNoteAreRefused() {
		String opportunity = WebSession.opportunityId(port, 0);

		var missing = as("sa").post(path(opportunity), "{\"note\": \"no metrics\"}");
		var longNote = as("sa").post(path(opportunity),
				"{\"metrics\": {\"users\": 100}, \"note\": \"" + "x".repeat(2001) + "\"}");

		assertProblem(missing, 400, "validation-failed");
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("metrics");
		assertProblem(longNote, 400, "validation-failed");
		assertThat(longNote.json().path("errors").get(0).path("field").asString()).isEqualTo("note");
	}
}
