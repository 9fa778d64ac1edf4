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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.PageSession;
import dev.baton.SqlStatements;
import dev.baton.usage.jdbc.UsagePartitions;
import tools.jackson.databind.JsonNode;

/**
 * Usage through the API against real PostgreSQL: events counted exactly once by (source, id),
 * across requests, within a batch and when copies arrive at the same moment; a batch answered
 * per event; every aggregation; the source tokens' limits; meters refused naming what is wrong;
 * months' partitions made as events arrive; a meter defined late counting what came before it.
 */
@BatonIntegrationTest
class UsageTests {

	private static final String BATCH = "application/cloudevents-batch+json";
	private static final String EVENT = "application/cloudevents+json";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UsagePartitions partitions;

	@Autowired
	SqlStatements statements;

	/** A batch: the token, the meters of its types, the one statement that stores it; whatever its size. */
	private static final int BATCH_BUDGET = 5;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A registered source: its name and token. */
	private record Source(String id, String name, String token) {
	}

	private Source source() {
		var name = "//" + unique("runners") + ".acme.example";
		var response = admin().post("/api/v1/usage/sources", Http.json(Map.of("source", name, "description", "CI runners")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var token = response.json().path("token").asString();
		assertThat(token).startsWith("bus_");
		return new Source(response.json().path("source").path("id").asString(), name, token);
	}

	private String meter(String type, String aggregation, String valueProperty, Map<String, String> dimensions) {
		var code = unique("m");
		var body = new LinkedHashMap<String, Object>();
		body.put("code", code);
		body.put("name", "Meter " + code);
		body.put("eventType", type);
		body.put("aggregation", aggregation);
		if (valueProperty != null) {
			body.put("valueProperty", valueProperty);
		}
		body.put("dimensions", dimensions);
		body.put("unit", "minutes");
		var response = admin().post("/api/v1/usage/meters", Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return code;
	}

	private static Map<String, Object> event(Source source, String id, String type, String subject, Instant time,
			Map<String, Object> data) {
		var event = new LinkedHashMap<String, Object>();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", source.name());
		event.put("type", type);
		event.put("subject", subject);
		if (time != null) {
			event.put("time", time.toString());
		}
		event.put("data", data);
		return event;
	}

	private Http.Response send(Source source, Object events) {
		var contentType = events instanceof List ? BATCH : EVENT;
		return Http.to(port).bearer(source.token()).send("POST", "/api/v1/usage/events", contentType,
				Http.json(events).getBytes(StandardCharsets.UTF_8));
	}

	private JsonNode totals(String meter, String query) {
		var response = admin().get("/api/v1/usage/meters/" + meter + "/totals?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private BigDecimal total(String meter, String subject, Instant from, Instant to) {
		var rows = totals(meter, "window=NONE&subject=" + subject + "&from=" + from + "&to=" + to).path("rows");
		return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).path("value").decimalValue();
	}

	private Instant hour() {
		return clock.instant().truncatedTo(ChronoUnit.HOURS);
	}

	@Test
	void anEventIsCountedOnceHoweverOftenItIsSent() {
		var source = source();
		var type = unique("build.finished");
		var meter = meter(type, "SUM", "/minutes", Map.of());
		var event = event(source, "evt-1", type, "acct-1", clock.instant(), Map.of("minutes", 12.5));

		var first = send(source, event);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("status").asString()).isEqualTo("ACCEPTED");
		var again = send(source, event);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().path("status").asString()).isEqualTo("DUPLICATE");
		// the same id with other data, and a later time, is still the same event
		var changed = event(source, "evt-1", type, "acct-1", clock.instant().plusSeconds(1), Map.of("minutes", 99));
		assertThat(send(source, changed).json().path("status").asString()).isEqualTo("DUPLICATE");

		assertThat(total(meter, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("12.5");
		assertThat(jdbc.sql("SELECT count(*) FROM usage_event WHERE source = :s").param("s", source.name())
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aBatchIsAnsweredPerEventAndABadEventLosesNoGoodOne() {
		var source = source();
		var type = unique("job.ran");
		var meter = meter(type, "SUM", "/minutes", Map.of());
		var now = clock.instant();
		var noSubject = event(source, "b-2", type, null, now, Map.of("minutes", 4));
		noSubject.remove("subject");
		var batch = List.of(
				event(source, "b-1", type, "acct-1", now, Map.of("minutes", 3)),
				noSubject,
				event(source, "b-1", type, "acct-1", now, Map.of("minutes", 3)),
				event(source, "b-3", type, "acct-1", now, Map.of("minutes", "x")),
				event(source, "b-4", type, "acct-1", now, Map.of("minutes", -1)),
				event(new Source(null, "//elsewhere", null), "b-5", type, "acct-1", now, Map.of("minutes", 1)),
				event(source, "b-6", type, "acct-1", now.plus(1, ChronoUnit.HOURS), Map.of("minutes", 1)),
				event(source, "b-7", type, "acct-1", now.minus(40, ChronoUnit.DAYS), Map.of("minutes", 1)),
				event(source, "b-8", unique("not.metered"), "acct-1", now, Map.of("anything", true)),
				event(source, "b-9", type, "acct-1", null, Map.of("minutes", "2")));

		var response = send(source, batch);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var json = response.json();
		assertThat(json.path("accepted").asInt()).isEqualTo(3);
		assertThat(json.path("duplicates").asInt()).isEqualTo(1);
		assertThat(json.path("rejected").asInt()).isEqualTo(6);
		var statuses = new ArrayList<String>();
		json.path("results").forEach(r -> statuses.add(r.path("status").asString()));
		assertThat(statuses).containsExactly("ACCEPTED", "REJECTED", "DUPLICATE", "REJECTED", "REJECTED", "REJECTED",
				"REJECTED", "REJECTED", "ACCEPTED", "ACCEPTED");
		var results = json.path("results");
		assertThat(results.get(1).path("reasons").get(0).path("rule").asString()).isEqualTo("usage.event-subject");
		assertThat(results.get(3).path("reasons").get(0).path("message").asString()).contains("/minutes");
		assertThat(results.get(4).path("reasons").get(0).path("rule").asString()).isEqualTo("usage.event-data");
		assertThat(results.get(5).path("reasons").get(0).path("rule").asString()).isEqualTo("usage.event-source");
		assertThat(results.get(6).path("reasons").get(0).path("message").asString()).contains("future");
		assertThat(results.get(7).path("reasons").get(0).path("message").asString()).contains("older than");

		assertThat(total(meter, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("5");
		// the unmetered event is kept, for a meter defined later
		assertThat(jdbc.sql("SELECT count(*) FROM usage_event WHERE source = :s").param("s", source.name())
				.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void anEventWhoseDataHoldsANulCharacterIsRejectedAndTheOthersAreStored() {
		var source = source();
		var type = unique("job.ran");
		var meter = meter(type, "SUM", "/minutes", Map.of());
		// PostgreSQL's jsonb refuses U+0000: stored, it would fail the whole batch with a 500
		var batch = Http.json(List.of(
				event(source, "n-1", type, "acct-1", clock.instant(), Map.of("minutes", 3, "note", "a\u0000b")),
				event(source, "n-2", type, "acct-1", clock.instant(), Map.of("minutes", 4, "note", "a\\u0000b"))));

		var response = Http.to(port).bearer(source.token()).send("POST", "/api/v1/usage/events", BATCH,
				batch.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var results = response.json().path("results");
		assertThat(results.get(0).path("status").asString()).isEqualTo("REJECTED");
		assertThat(results.get(0).path("reasons").get(0).path("rule").asString()).isEqualTo("usage.event-data");
		// an escaped backslash followed by u0000 is text, not the character
		assertThat(results.get(1).path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(total(meter, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("4");
	}

	@Test
	void copiesSentAtTheSameMomentAreCountedOnce() throws Exception {
		var source = source();
		var type = unique("minutes.used");
		var meter = meter(type, "SUM", "/minutes", Map.of("runner", "/runner"));
		var now = clock.instant();
		var batch = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 300; i++) {
			batch.add(event(source, "c-" + i, type, "acct-" + (i % 3), now, Map.of("minutes", 2, "runner", "linux-" + (i % 2))));
		}
		int senders = 6;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(senders);
		try {
			var answers = new ArrayList<Future<JsonNode>>();
			for (int s = 0; s < senders; s++) {
				// each sender sends the events in another order
				var shuffled = new ArrayList<>(batch);
				java.util.Collections.shuffle(shuffled, new java.util.Random(s));
				answers.add(pool.submit((Callable<JsonNode>) () -> {
					start.await();
					var response = send(source, shuffled);
					assertThat(response.status()).as(response.body()).isEqualTo(200);
					return response.json();
				}));
			}
			start.countDown();
			int accepted = 0;
			int duplicates = 0;
			for (var answer : answers) {
				accepted += answer.get().path("accepted").asInt();
				duplicates += answer.get().path("duplicates").asInt();
			}
			assertThat(accepted).isEqualTo(300);
			assertThat(duplicates).isEqualTo(300 * (senders - 1));
		}
		finally {
			pool.shutdownNow();
		}
		var byRunner = totals(meter, "window=NONE&groupBy=runner&from=" + hour() + "&to=" + hour().plus(1, ChronoUnit.HOURS));
		assertThat(byRunner.path("rows")).hasSize(2);
		for (var row : byRunner.path("rows")) {
			assertThat(row.path("value").decimalValue()).isEqualByComparingTo("300");
		}
	}

	@Test
	void everyAggregationAddsUpItsOwnWay() {
		var source = source();
		var type = unique("storage.sampled");
		var sum = meter(type, "SUM", "/gb", Map.of("project", "/project"));
		var count = meter(type, "COUNT", null, Map.of());
		var max = meter(type, "MAX", "/gb", Map.of());
		var latest = meter(type, "LATEST", "/gb", Map.of());
		var users = meter(type, "UNIQUE_COUNT", "/user", Map.of());
		var day = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS);
		var events = List.of(
				event(source, "s-1", type, "acct-1", day.plusSeconds(3600 + 60), Map.of("gb", 10, "project", "a", "user", "ann")),
				event(source, "s-2", type, "acct-1", day.plusSeconds(3600 + 120), Map.of("gb", 30, "project", "b", "user", "bob")),
				event(source, "s-3", type, "acct-1", day.plusSeconds(7200 + 60), Map.of("gb", 20, "project", "a", "user", "ann")),
				event(source, "s-4", type, "acct-2", day.plusSeconds(7200 + 90), Map.of("gb", 5, "project", "a", "user", "ann")),
				event(source, "s-5", type, "acct-1", day.plusSeconds(86400 + 60), Map.of("gb", 7, "project", "a", "user", "ann")));
		assertThat(send(source, events).json().path("accepted").asInt()).isEqualTo(5);
		var from = day;
		var to = day.plus(3, ChronoUnit.DAYS);

		assertThat(total(sum, "acct-1", from, to)).isEqualByComparingTo("67");
		assertThat(total(count, "acct-1", from, to)).isEqualByComparingTo("4");
		assertThat(total(max, "acct-1", from, to)).isEqualByComparingTo("30");
		assertThat(total(latest, "acct-1", from, to)).isEqualByComparingTo("7");
		assertThat(total(users, "acct-1", from, to)).isEqualByComparingTo("2");

		var hourly = totals(sum, "window=HOUR&subject=acct-1&from=" + from + "&to=" + day.plus(1, ChronoUnit.DAYS));
		assertThat(hourly.path("rows")).hasSize(2);
		assertThat(hourly.path("rows").get(0).path("from").asString()).isEqualTo(day.plusSeconds(3600).toString());
		assertThat(hourly.path("rows").get(0).path("value").decimalValue()).isEqualByComparingTo("40");
		var daily = totals(users, "window=DAY&groupBy=subject&from=" + from + "&to=" + to).path("rows");
		assertThat(daily).hasSize(3);
		assertThat(daily.get(0).path("subject").asString()).isEqualTo("acct-1");
		assertThat(daily.get(0).path("value").asInt()).isEqualTo(2);
		assertThat(daily.get(1).path("subject").asString()).isEqualTo("acct-2");
		assertThat(daily.get(2).path("value").asInt()).isEqualTo(1);
		var byProject = totals(sum, "window=NONE&groupBy=project&groupBy=subject&from=" + from + "&to=" + to).path("rows");
		assertThat(byProject).hasSize(3);
		assertThat(byProject.get(0).path("dimensions").path("project").asString()).isEqualTo("a");
		assertThat(byProject.get(0).path("subject").asString()).isEqualTo("acct-1");
		assertThat(byProject.get(0).path("value").decimalValue()).isEqualByComparingTo("37");
	}

	@Test
	void aSourceTokenSendsOnlyItsOwnEventsAndCallsNothingElse() {
		var source = source();
		var other = source();
		var type = unique("api.called");
		meter(type, "COUNT", null, Map.of());
		var theirs = event(other, "t-1", type, "acct-1", clock.instant(), Map.of());
		assertProblem(send(source, theirs), 422, "usage-event-rejected");

		assertProblem(Http.to(port).bearer(source.token()).get("/api/v1/usage/meters"), 403, "forbidden");
		assertProblem(Http.to(port).bearer(source.token()).get("/api/v1/accounts"), 403, "forbidden");
		// a person's login may not send usage as a source
		assertThat(admin().send("POST", "/api/v1/usage/events", EVENT, Http.json(theirs).getBytes(StandardCharsets.UTF_8))
				.status()).isEqualTo(403);

		var rotated = admin().post("/api/v1/usage/sources/" + source.id() + "/token-rotation", "{}");
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		var fresh = new Source(source.id(), source.name(), rotated.json().path("token").asString());
		assertProblem(send(source, event(source, "t-2", type, "acct-1", clock.instant(), Map.of())), 401, "unauthenticated");
		assertThat(send(fresh, event(fresh, "t-2", type, "acct-1", clock.instant(), Map.of())).status()).isEqualTo(200);

		assertThat(admin().delete("/api/v1/usage/sources/" + source.id()).status()).isEqualTo(204);
		assertProblem(send(fresh, event(fresh, "t-3", type, "acct-1", clock.instant(), Map.of())), 401, "unauthenticated");
		var listed = admin().get("/api/v1/usage/sources").json();
		var found = false;
		for (var s : listed) {
			if (s.path("id").asString().equals(source.id())) {
				found = true;
				assertThat(s.path("revokedAt").isNull()).isFalse();
				assertThat(s.path("lastUsedAt").isNull()).isFalse();
				assertThat(s.toString()).doesNotContain(fresh.token());
			}
		}
		assertThat(found).isTrue();
	}

	@Test
	void badEventsAndBodiesAreRefusedNamingWhatIsWrong() {
		var source = source();
		var type = unique("x");
		meter(type, "SUM", "/minutes", Map.of());
		var missing = send(source, event(source, "r-1", type, "acct-1", clock.instant(), Map.of("seconds", 1)));
		assertProblem(missing, 422, "usage-event-rejected");
		assertThat(missing.json().path("violations").get(0).path("rule").asString()).isEqualTo("usage.event-data");
		assertThat(missing.json().path("eventId").asString()).isEqualTo("r-1");
		var version = event(source, "r-2", type, "acct-1", clock.instant(), Map.of("minutes", 1));
		version.put("specversion", "0.3");
		assertThat(send(source, version).json().path("detail").asString()).contains("specversion");

		var http = Http.to(port).bearer(source.token());
		assertProblem(http.send("POST", "/api/v1/usage/events", EVENT, "{not json".getBytes(StandardCharsets.UTF_8)), 400,
				"malformed-body");
		assertProblem(http.send("POST", "/api/v1/usage/events", BATCH, "{}".getBytes(StandardCharsets.UTF_8)), 400,
				"malformed-body");
		assertProblem(http.send("POST", "/api/v1/usage/events", EVENT, "[]".getBytes(StandardCharsets.UTF_8)), 400,
				"malformed-body");
		var tooMany = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(event(source, "big-" + i, type, "acct-1", clock.instant(), Map.of("minutes", 1)));
		}
		assertProblem(send(source, tooMany), 413, "payload-too-large");
		assertThat(jdbc.sql("SELECT count(*) FROM usage_event WHERE source = :s").param("s", source.name())
				.query(Long.class).single()).isZero();
	}

	@Test
	void metersAreRefusedNamingWhatIsWrong() {
		var bad = admin().post("/api/v1/usage/meters", Http.json(Map.of("code", "Bad Code", "name", "x", "eventType", "t",
				"aggregation", "SUM", "unit", "GB", "dimensions", Map.of("Project", "project"))));
		assertProblem(bad, 422, "usage-meter-rule");
		var rules = new ArrayList<String>();
		bad.json().path("violations").forEach(v -> rules.add(v.path("rule").asString()));
		assertThat(rules).containsExactly("usage.meter-code", "usage.meter-value", "usage.meter-dimensions",
				"usage.meter-dimensions");

		var counted = admin().post("/api/v1/usage/meters", Http.json(Map.of("code", "calls", "name", "x", "eventType", "t",
				"aggregation", "COUNT", "valueProperty", "/n", "unit", "calls")));
		assertProblem(counted, 422, "usage-meter-rule");
		assertProblem(admin().post("/api/v1/usage/meters", Http.json(Map.of("code", "calls", "name", "x", "eventType", "t",
				"aggregation", "AVERAGE", "unit", "calls"))), 400, "malformed-body");
		assertProblem(admin().post("/api/v1/usage/meters", Http.json(Map.of("code", "calls", "name", "x", "eventType", "t",
				"aggregation", "COUNT", "unit", "calls", "colour", "red"))), 400, "malformed-body");

		var code = meter(unique("t"), "COUNT", null, Map.of());
		assertProblem(admin().post("/api/v1/usage/meters", Http.json(Map.of("code", code, "name", "x", "eventType", "t",
				"aggregation", "COUNT", "unit", "calls"))), 409, "conflict");
		assertProblem(Http.to(port).as("ae").post("/api/v1/usage/meters", Http.json(Map.of("code", unique("m"), "name", "x",
				"eventType", "t", "aggregation", "COUNT", "unit", "calls"))), 403, "forbidden");
		assertProblem(admin().get("/api/v1/usage/meters/" + code + "/totals?from=2026-01-01T00:30:00Z&to=2026-01-02T00:00:00Z"),
				400, "validation-failed");
		assertProblem(admin().get("/api/v1/usage/meters/" + code + "/totals?window=HOUR&from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"),
				400, "validation-failed");
		assertProblem(admin().get("/api/v1/usage/meters/" + code + "/totals?groupBy=region&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"),
				400, "validation-failed");
		assertProblem(admin().get("/api/v1/usage/meters/nope/totals?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"),
				404, "not-found");
		assertThat(Http.to(port).as("finance").get("/api/v1/usage/meters/" + code + "/totals?from=2026-01-01T00:00:00Z"
				+ "&to=2026-01-02T00:00:00Z").status()).isEqualTo(200);
	}

	@Test
	void eventsOfEachMonthGoToThatMonthsPartition() {
		clock.set(Instant.parse("2031-03-01T00:30:00Z"));
		var source = source();
		var type = unique("transfer");
		var meter = meter(type, "SUM", "/gb", Map.of());
		var events = List.of(event(source, "p-1", type, "acct-1", Instant.parse("2031-02-27T23:10:00Z"), Map.of("gb", 1)),
				event(source, "p-2", type, "acct-1", Instant.parse("2031-03-01T00:10:00Z"), Map.of("gb", 2)));
		assertThat(send(source, events).json().path("accepted").asInt()).isEqualTo(2);

		assertThat(partitions.partitions()).contains("usage_event_y2031m02", "usage_event_y2031m03");
		assertThat(jdbc.sql("SELECT count(*) FROM usage_event_y2031m02 WHERE source = :s").param("s", source.name())
				.query(Long.class).single()).isEqualTo(1);
		var monthly = totals(meter, "window=MONTH&from=2031-02-01T00:00:00Z&to=2031-04-01T00:00:00Z").path("rows");
		assertThat(monthly).hasSize(2);
		assertThat(monthly.get(0).path("from").asString()).isEqualTo("2031-02-01T00:00:00Z");
		assertThat(monthly.get(0).path("to").asString()).isEqualTo("2031-03-01T00:00:00Z");
		assertThat(monthly.get(1).path("value").decimalValue()).isEqualByComparingTo("2");
	}

	@Test
	void aMeterDefinedLateCountsTheEventsThatCameBeforeIt() {
		var source = source();
		var type = unique("deploy");
		var now = clock.instant();
		send(source, List.of(event(source, "l-1", type, "acct-1", now, Map.of("minutes", 4, "env", "prod")),
				event(source, "l-2", type, "acct-1", now, Map.of("minutes", "6", "env", "dev")),
				event(source, "l-3", type, "acct-1", now, Map.of("seconds", 60))));
		var meter = meter(type, "SUM", "/minutes", Map.of("env", "/env"));
		var count = meter(type, "COUNT", null, Map.of());

		assertThat(total(meter, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("10");
		assertThat(total(count, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("3");
		var byEnv = totals(meter, "window=NONE&groupBy=env&from=" + hour() + "&to=" + hour().plus(1, ChronoUnit.HOURS));
		assertThat(byEnv.path("rows").get(0).path("dimensions").path("env").asString()).isEqualTo("dev");
		// sent after the meter, counted as it arrives: the backfill did not count it a second time
		send(source, event(source, "l-4", type, "acct-1", now, Map.of("minutes", 1)));
		assertThat(total(meter, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("11");

		assertThat(admin().delete("/api/v1/usage/meters/" + meter).json().path("archivedAt").isNull()).isFalse();
		send(source, event(source, "l-5", type, "acct-1", now, Map.of("minutes", 100)));
		assertThat(total(meter, "acct-1", hour(), hour().plus(1, ChronoUnit.HOURS))).isEqualByComparingTo("11");
	}

	@Test
	void anAdministratorDefinesMetersAndRegistersSourcesOnThePage() {
		var admin = PageSession.as(port, "admin");
		var code = unique("page");
		var type = unique("page.event");
		var defined = admin.follow(admin.submit("/admin/usage", "/admin/usage/meters", "code", code, "name", "Page minutes",
				"eventType", type, "aggregation", "SUM", "valueProperty", "/minutes", "dimensions", "runner=/runner",
				"unit", "minutes"));
		assertThat(defined.body()).contains("Meter " + code + " defined.").contains("runner=/runner");

		var refused = admin.submit("/admin/usage", "/admin/usage/meters", "code", "Bad", "name", "x", "eventType", type,
				"aggregation", "SUM", "valueProperty", "", "dimensions", "runner", "unit", "minutes");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"error-summary\"").contains("dimensions");
		var invalid = admin.submit("/admin/usage", "/admin/usage/meters", "code", "Bad", "name", "x", "eventType", type,
				"aggregation", "SUM", "valueProperty", "", "dimensions", "", "unit", "minutes");
		assertThat(invalid.body()).contains("id=\"error-summary\"").contains("lower case letters").contains("JSON pointer");

		var name = "//" + unique("page-source");
		var registered = admin.submit("/admin/usage", "/admin/usage/sources", "source", name, "description", "from the page");
		assertThat(registered.status()).isEqualTo(200);
		var token = registered.body().replaceAll("(?s).*class=\"secret\">(bus_[^<]+)<.*", "$1");
		assertThat(token).startsWith("bus_");
		var source = new Source(null, name, token);
		assertThat(send(source, event(source, "page-1", type, "acct-1", clock.instant(), Map.of("minutes", 3)))
				.json().path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(admin.get("/admin/usage").body()).contains("3.00 minutes");
		assertThat(admin.submit("/admin/usage", "/admin/usage/sources", "source", name).body())
				.contains("has a token already");

		assertThat(PageSession.as(port, "finance").get("/admin/usage").status()).isEqualTo(403);
	}

	@Test
	void aBatchRunsTheSameFewStatementsWhateverItsSize() {
		var source = source();
		var type = unique("budget");
		meter(type, "SUM", "/minutes", Map.of("runner", "/runner"));
		meter(type, "UNIQUE_COUNT", "/user", Map.of());
		var sizes = new ArrayList<List<String>>();
		for (int size : new int[] { 10, 999 }) {
			var batch = new ArrayList<Map<String, Object>>();
			for (int i = 0; i < size; i++) {
				batch.add(event(source, size + "-" + i, type, "acct-" + (i % 50), clock.instant(),
						Map.of("minutes", 1, "runner", "r" + (i % 7), "user", "u" + i)));
			}
			// a duplicate of each earlier event costs nothing more either
			batch.add(event(source, "10-0", type, "acct-0", clock.instant(), Map.of("minutes", 1, "user", "u0")));
			send(source, List.of(event(source, "warm-" + size, type, "acct-0", clock.instant(), Map.of("minutes", 1, "user", "u"))));
			statements.start();
			var response = send(source, batch);
			var ran = statements.stop();
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().path("accepted").asInt()).isEqualTo(size);
			sizes.add(ran);
		}
		assertThat(sizes.get(0)).as("statements of a batch of 10").hasSizeLessThanOrEqualTo(BATCH_BUDGET);
		assertThat(sizes.get(1)).as("a batch of 1,000 runs what a batch of 11 runs").hasSameSizeAs(sizes.get(0));
	}
}
