package dev.baton.usage;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;

/**
 * Events that pass every rule of their own but that PostgreSQL cannot store (U+0000 or half a
 * surrogate pair in a text, a number beyond numeric's range) are rejected each on its own, alone
 * or in a batch beside good events that are counted; a body that cannot be read is a 400.
 */
@BatonIntegrationTest
class UnstorableEventsTests {

	private static final String BATCH = "application/cloudevents-batch+json";
	private static final String EVENT = "application/cloudevents+json";
	/** Replaced in the JSON text by an escape Jackson would not write: half a surrogate pair. */
	private static final String HALF_PAIR = "@half-pair@";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private record Source(String name, String token) {
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Source source() {
		var name = "//" + unique("unstorable") + ".acme.example";
		var response = Http.to(port).as("admin").post("/api/v1/usage/sources", Http.json(Map.of("source", name)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return new Source(name, response.json().path("token").asString());
	}

	private String meter(String type) {
		var code = unique("unstorable");
		var response = Http.to(port).as("admin").post("/api/v1/usage/meters", Http.json(Map.of("code", code, "name",
				"Meter " + code, "eventType", type, "aggregation", "SUM", "valueProperty", "/minutes", "dimensions",
				Map.of("note", "/note"), "unit", "minutes")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return code;
	}

	private Map<String, Object> event(Source source, String id, String type, Map<String, Object> data) {
		var event = new LinkedHashMap<String, Object>();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", source.name());
		event.put("type", type);
		event.put("subject", "acct-1");
		event.put("time", clock.instant().toString());
		event.put("data", data);
		return event;
	}

	/** An event that passes every rule but PostgreSQL's, and the rule it is rejected by. */
	private record Unstorable(String rule, Map<String, Object> event) {
	}

	private List<Unstorable> unstorable(Source source, String type) {
		var nulInSubject = event(source, "nul-in-subject", type, Map.of("minutes", 1));
		nulInSubject.put("subject", "acct-\u0000");
		return List.of(
				new Unstorable("usage.event-envelope", event(source, "nul-in-id-\u0000", type, Map.of("minutes", 1))),
				new Unstorable("usage.event-subject", nulInSubject),
				new Unstorable("usage.event-envelope", event(source, "nul-in-type", type + "\u0000", Map.of("minutes", 1))),
				new Unstorable("usage.event-envelope", event(source, "half-pair-in-id-" + HALF_PAIR, type, Map.of("minutes", 1))),
				new Unstorable("usage.event-data", event(source, "half-pair-in-data", type, Map.of("minutes", 1, "note", HALF_PAIR))),
				new Unstorable("usage.event-data", event(source, "number-beyond-numeric", type, Map.of("minutes", 1,
						"size", new BigDecimal("1e131072")))),
				new Unstorable("usage.event-data", event(source, "value-beyond-numeric", type, Map.of("minutes", "1e-20000"))));
	}

	private Http.Response send(Source source, Object events) {
		var json = Http.json(events).replace(HALF_PAIR, "\\ud800");
		return Http.to(port).bearer(source.token()).send("POST", "/api/v1/usage/events",
				events instanceof List ? BATCH : EVENT, json.getBytes(StandardCharsets.UTF_8));
	}

	private BigDecimal total(String meter) {
		var hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
		var response = Http.to(port).as("admin").get("/api/v1/usage/meters/" + meter + "/totals?window=NONE&from=" + hour
				+ "&to=" + hour.plus(1, ChronoUnit.HOURS));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var rows = response.json().path("rows");
		return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).path("value").decimalValue();
	}

	@BeforeEach
	@AfterEach
	void clockAtNow() {
		clock.set(Instant.now());
	}

	@Test
	void eachEventPostgresCannotStoreIsRejectedAndTheGoodOnesBesideItAreCounted() {
		var source = source();
		var type = unique("unstorable.minutes");
		var meter = meter(type);
		var bad = unstorable(source, type);
		var batch = new ArrayList<Map<String, Object>>();
		int n = 0;
		for (var event : bad) {
			batch.add(event(source, "good-" + n++, type, Map.of("minutes", 2, "note", "ok")));
			batch.add(event.event());
		}
		batch.add(event(source, "good-" + n++, type, Map.of("minutes", 2)));

		var response = send(source, batch);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("accepted").asInt()).isEqualTo(n);
		assertThat(response.json().path("rejected").asInt()).isEqualTo(bad.size());
		var rules = new ArrayList<String>();
		response.json().path("results").forEach(result -> {
			if (result.path("status").asString().equals("REJECTED")) {
				rules.add(result.path("reasons").get(0).path("rule").asString());
			}
		});
		assertThat(rules).containsExactlyElementsOf(bad.stream().map(Unstorable::rule).toList());
		assertThat(total(meter)).isEqualByComparingTo(BigDecimal.valueOf(2L * n));

		// each alone: a 422 naming the rule, never a 400 or a 500 for the database's refusal
		for (var event : bad) {
			var alone = send(source, event.event());
			assertProblem(alone, 422, "usage-event-rejected");
			assertThat(alone.json().path("violations").get(0).path("rule").asString()).isEqualTo(event.rule());
		}
		assertThat(total(meter)).isEqualByComparingTo(BigDecimal.valueOf(2L * n));
	}

	@Test
	void aBodyThatCannotBeReadIsAMalformedBodyNeverA500() {
		var source = source();
		var type = unique("unstorable.minutes");
		var event = Http.json(event(source, "utf-16", type, Map.of("minutes", 1)));
		var http = Http.to(port).bearer(source.token());

		assertProblem(http.send("POST", "/api/v1/usage/events", EVENT, event.getBytes(StandardCharsets.UTF_16)), 400,
				"malformed-body");
		assertProblem(http.send("POST", "/api/v1/usage/events", BATCH, ("[" + event + "]").getBytes(StandardCharsets.UTF_16LE)),
				400, "malformed-body");
		// a number no decimal holds: its exponent is beyond an int
		var huge = Http.json(List.of(event(source, "huge", type, Map.of("minutes", 1, "size", "@huge@"))))
				.replace("\"@huge@\"", "1e99999999999");
		assertProblem(http.send("POST", "/api/v1/usage/events", BATCH, huge.getBytes(StandardCharsets.UTF_8)), 400,
				"malformed-body");
	}
}
