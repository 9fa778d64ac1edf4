package dev.baton.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.DemoOrganisation;
import dev.baton.Http;
import dev.baton.PageSession;
import dev.baton.engagement.jdbc.RequestNumber;

/**
 * Request numbers: each request gets its board's prefix and the next number, distinct even when
 * AEs file at the same moment (the counter row queues them; a unique constraint backs it), shown
 * in the API and the pages and found by the list's and the board's search.
 */
@BatonIntegrationTest
class RequestNumbersTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentFilingsOnABoardGetDistinctNumbersOfItsPrefix() throws Exception {
		var admin = Http.to(port).as("admin");
		var opportunity = DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation");
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(4);
		var answers = new ArrayList<java.util.concurrent.Future<Http.Response>>();
		for (int i = 0; i < 4; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return Http.to(port).as("ae").post("/api/v1/sa-requests", activity(opportunity));
			}));
		}
		start.countDown();
		var references = new ArrayList<String>();
		for (var answer : answers) {
			var response = answer.get(60, TimeUnit.SECONDS);
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			references.add(response.json().path("reference").asString());
		}
		pool.shutdown();

		assertThat(references).allMatch(r -> r.startsWith("CAMER-"));
		assertThat(new HashSet<>(references)).as("distinct numbers").hasSize(4);
		var numbers = references.stream().map(r -> RequestNumber.parse(r).number()).sorted().toList();
		assertThat(numbers.get(3) - numbers.get(0)).as("taken one after another").isEqualTo(3);
	}

	@Test
	void theNumberIsSearchableInTheApiAndOnTheBoardAndShownOnThePages() {
		var admin = Http.to(port).as("admin");
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests",
				activity(DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation")));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		var reference = filed.json().path("reference").asString();
		var id = filed.json().path("id").asString();

		var found = Http.to(port).as("sa").get("/api/v1/sa-requests?reference=" + reference.toLowerCase());
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("items")).hasSize(1);
		assertThat(found.json().path("items").get(0).path("id").asString()).isEqualTo(id);
		assertThat(Http.to(port).as("sa").get("/api/v1/sa-requests?reference=NOPE-0").json().path("items")).isEmpty();

		var board = PageSession.as(port, "sa").get("/board?q=" + reference);
		assertThat(board.body()).contains(reference).contains("card-NEW-" + id);
		assertThat(PageSession.as(port, "sa").get("/requests/" + id).body()).contains(reference);
		assertThat(PageSession.as(port, "ae").get("/my/requests?q=" + reference).body()).contains("row-" + id);
	}

	@Test
	void aRowInsertedBySqlWithoutANumberTakesTheNextOneOfItsBoard() {
		var admin = Http.to(port).as("admin");
		var filed = Http.to(port).as("ae").post("/api/v1/sa-requests",
				activity(DemoOrganisation.opportunity(admin, "Acme Logistics: platform consolidation")));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		var copy = jdbc.sql("""
				INSERT INTO sa_request
				SELECT (jsonb_populate_record(NULL::sa_request, to_jsonb(r)
				  || jsonb_build_object('id', gen_random_uuid(), 'number', NULL, 'reference', NULL))).*
				FROM sa_request r WHERE r.id = CAST(:id AS uuid)
				RETURNING reference
				""").param("id", filed.json().path("id").asString()).query(String.class).single();

		try {
			assertThat(copy).startsWith("CAMER-");
			assertThat(RequestNumber.parse(copy).number())
					.isGreaterThan(RequestNumber.parse(filed.json().path("reference").asString()).number());
		}
		finally {
			// the copy has no history, thread or clocks: other tests reading the board never meet it
			jdbc.sql("DELETE FROM sa_request WHERE reference = :reference").param("reference", copy).update();
		}
	}

	@Test
	void aBoardKeyGivesTheSamePrefixInJavaAsInTheMigration() {
		for (var key : List.of("commercial-amer", "us-east-enterprise", "emea-enterprise", "apac", "a-b-c-d-e-f-g-h-i-j")) {
			var sql = jdbc.sql("""
					SELECT upper(left((SELECT string_agg(CASE WHEN length(w) <= 4 THEN w ELSE left(w, 1) END, '' ORDER BY i)
					  FROM unnest(string_to_array(CAST(:key AS text), '-')) WITH ORDINALITY AS t(w, i)), 8))
					""").param("key", key).query(String.class).single();
			assertThat(RequestNumber.prefixOf(key)).as(key).isEqualTo(sql);
		}
		assertThat(RequestNumber.prefixOf("commercial-amer")).isEqualTo("CAMER");
	}

	private static String activity(String opportunityId) {
		return Http.json(Map.of("opportunityId", opportunityId, "template", "SA_ACTIVITY", "labels", List.of(),
				"details", Map.of(
						"preferredDates", List.of(Map.of("start", "2027-03-02T15:00:00Z", "timeZone", "America/Chicago")),
						"hosting", "SAAS", "pains", List.of("Slow releases"), "requiredCapabilities", List.of("CI"),
						"currentTools", List.of(Map.of("name", "GitHub", "nonNegotiable", false)),
						"asks", List.of("DEMO"),
						"meeting", Map.of("why", "Evaluation", "objectives", "Demo", "agenda", "Demo, Q&A",
								"attendees", List.of(Map.of("name", "Pat Lee", "title", "CTO"))))));
	}
}
