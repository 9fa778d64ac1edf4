package dev.baton.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.baton.Http;
import dev.baton.platform.ProcessHarness;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage survives {@code kill -9} in the middle of ingestion: Baton runs as a process of its own,
 * two senders stream batches at it, it is killed while batches are in flight, and started again on
 * the same data. Every event of a batch answered 2xx is counted, once; sending every batch again
 * (as a client does that got no answer) counts each event that was not, and nothing twice.
 */
class UsageCrashTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PASSWORD = "crash-test-password";
	private static final int BATCHES = 200;
	private static final int BATCH = 100;

	@TempDir
	Path dataDirectory;

	@Test
	void everyEventOfAnAnsweredBatchIsCountedOnceAfterAKillAndAResendCountsTheRestOnce() throws Exception {
		var settings = List.of("--baton.demo.enabled=false", "--baton.bootstrap-admin.password=" + PASSWORD,
				"--baton.scheduler.enabled=false");
		try (var baton = ProcessHarness.start(dataDirectory, settings)) {
			var admin = Http.to(baton.port()).as("admin", PASSWORD);
			var registered = admin.post("/api/v1/usage/sources", Http.json(Map.of("source", "//crash.acme.example")));
			assertThat(registered.status()).as(registered.body()).isEqualTo(201);
			var token = registered.json().path("token").asString();
			var meter = admin.post("/api/v1/usage/meters", Http.json(Map.of("code", "crash-minutes", "name", "Crash minutes",
					"eventType", "crash.minutes", "aggregation", "SUM", "valueProperty", "/minutes", "dimensions", Map.of(),
					"unit", "minutes")));
			assertThat(meter.status()).as(meter.body()).isEqualTo(201);

			// in the past, so that no event is in the future however long the run takes
			var base = Instant.now().minus(15, ChronoUnit.MINUTES);
			var hour = base.truncatedTo(ChronoUnit.HOURS);
			var bodies = new ArrayList<byte[]>();
			long expected = 0;
			for (int b = 0; b < BATCHES; b++) {
				var events = new ArrayList<Map<String, Object>>();
				for (int e = 0; e < BATCH; e++) {
					int minutes = 1 + (b * BATCH + e) % 7;
					expected += minutes;
					events.add(Map.of("specversion", "1.0", "id", "c-" + b + "-" + e, "source", "//crash.acme.example",
							"type", "crash.minutes", "subject", "acct-" + e % 10, "time", base.plusSeconds(b).toString(),
							"data", Map.of("minutes", minutes)));
				}
				bodies.add(JSON.writeValueAsBytes(events));
			}

			// two senders, and the kill once a good part of the batches was answered, while others are in flight
			var answered = ConcurrentHashMap.<Integer>newKeySet();
			var next = new AtomicInteger();
			var senders = Executors.newFixedThreadPool(2);
			for (int s = 0; s < 2; s++) {
				senders.submit(() -> {
					int b;
					while ((b = next.getAndIncrement()) < BATCHES) {
						try {
							if (send(baton.port(), token, bodies.get(b)).status() == 200) {
								answered.add(b);
							}
						}
						catch (RuntimeException killed) {
							return;
						}
					}
				});
			}
			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (answered.size() < BATCHES / 4 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			baton.kill();
			senders.shutdown();
			assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(answered).as("batches answered before the kill").hasSizeGreaterThanOrEqualTo(BATCHES / 4)
					.as("the kill came during ingestion").hasSizeLessThan(BATCHES);

			baton.restart(settings);

			// every event of every answered batch is stored once, and the totals hold each counted event once
			try (var db = baton.database()) {
				var ids = new ArrayList<String>();
				for (var b : answered) {
					for (int e = 0; e < BATCH; e++) {
						ids.add("c-" + b + "-" + e);
					}
				}
				var stored = db.prepareStatement("SELECT count(*) FROM usage_event_key WHERE source = ? AND event_id = ANY (?)");
				stored.setString(1, "//crash.acme.example");
				stored.setArray(2, db.createArrayOf("text", ids.toArray()));
				var rows = stored.executeQuery();
				rows.next();
				assertThat(rows.getLong(1)).as("answered events in the ledger").isEqualTo(ids.size());
				var counted = db.createStatement().executeQuery("""
						SELECT (SELECT count(*) FROM usage_event_key WHERE source = '//crash.acme.example'),
						  (SELECT count(*) FROM usage_event WHERE source = '//crash.acme.example'),
						  (SELECT coalesce(sum(h.events), 0) FROM usage_hourly h JOIN usage_meter m ON m.id = h.meter_id
						   WHERE m.code = 'crash-minutes'),
						  (SELECT coalesce(sum(CAST(e.data ->> 'minutes' AS numeric)), 0) FROM usage_event e
						   WHERE e.source = '//crash.acme.example'),
						  (SELECT coalesce(sum(h.total), 0) FROM usage_hourly h JOIN usage_meter m ON m.id = h.meter_id
						   WHERE m.code = 'crash-minutes')""");
				counted.next();
				assertThat(counted.getLong(2)).as("events stored").isEqualTo(counted.getLong(1));
				assertThat(counted.getLong(3)).as("events in the totals").isEqualTo(counted.getLong(1));
				assertThat(counted.getBigDecimal(5)).as("minutes in the totals").isEqualByComparingTo(counted.getBigDecimal(4));
			}

			// the client sends everything again: what was answered comes back a duplicate, the rest counts once
			for (int b = 0; b < BATCHES; b++) {
				var response = send(baton.port(), token, bodies.get(b));
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				if (answered.contains(b)) {
					assertThat(response.json().path("duplicates").asInt()).as("batch " + b).isEqualTo(BATCH);
				}
				assertThat(response.json().path("accepted").asInt() + response.json().path("duplicates").asInt())
						.isEqualTo(BATCH);
			}
			var totals = Http.to(baton.port()).as("admin", PASSWORD).get("/api/v1/usage/meters/crash-minutes/totals?window=NONE&from=" + hour + "&to="
					+ hour.plus(2, ChronoUnit.HOURS));
			assertThat(totals.status()).as(totals.body()).isEqualTo(200);
			assertThat(totals.json().path("rows").get(0).path("value").asLong()).isEqualTo(expected);
		}
	}

	private static Http.Response send(int port, String token, byte[] body) {
		return Http.to(port).bearer(token).send("POST", "/api/v1/usage/events", "application/cloudevents-batch+json", body);
	}
}
