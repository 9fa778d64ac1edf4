package dev.baton.usage;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka source's load driver (docs/benchmarks.md): starts a Kafka broker in this JVM with the
 * topic {@code baton.usage.events}, prints its address (and writes it to {@code -Dkafka.address-file}),
 * waits until a Baton consuming that address is ready at {@code -Dbaton.url}, registers a source and
 * a SUM meter, writes {@code -Devents} distinct events with
 * {@code -Dresend} of them again as copies, {@code -Drecord} events to a record (a JSON array; 1
 * for single events), then waits until the meter's total is what was sent, exactly once. Prints
 * events per second from the first record written to the total matching, and the p50 and p99 of a
 * totals read made meanwhile. Exits 1 when the total does not match within ten minutes.
 */
public final class KafkaLoadDriver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private KafkaLoadDriver() {
	}

	public static void main(String[] args) throws Exception {
		var url = System.getProperty("baton.url", "http://127.0.0.1:8080");
		int distinct = Integer.getInteger("events", 200_000);
		int perRecord = Integer.getInteger("record", 100);
		double resend = Double.parseDouble(System.getProperty("resend", "0.10"));
		int subjects = Integer.getInteger("subjects", 1000);
		var topic = System.getProperty("topic", "baton.usage.events");
		var admin = "Basic " + Base64.getEncoder().encodeToString(
				(System.getProperty("user", "admin") + ":" + System.getProperty("password", "demo-password"))
						.getBytes(StandardCharsets.UTF_8));

		var broker = new EmbeddedKafkaKraftBroker(1, Integer.getInteger("partitions", 4), topic, topic + ".rejected");
		broker.brokerProperty("offsets.topic.num.partitions", "1");
		broker.afterPropertiesSet();
		System.out.println("Kafka broker at " + broker.getBrokersAsString() + "; start Baton with"
				+ " --baton.usage.kafka.enabled=true --baton.usage.kafka.bootstrap-servers=" + broker.getBrokersAsString());
		if (System.getProperty("kafka.address-file") != null) {
			java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("kafka.address-file")),
					broker.getBrokersAsString());
		}

		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		var ready = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (true) {
			try {
				if (http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
			}
			catch (java.io.IOException notYet) {
				// Baton is not listening yet
			}
			if (System.nanoTime() > ready) {
				throw new IllegalStateException("Baton was not ready at " + url + " within ten minutes");
			}
			Thread.sleep(500);
		}
		var run = Long.toString(System.currentTimeMillis(), 36);
		var reader = "Bearer " + JSON.readTree(send(http, url + "/api/v1/me/tokens", admin, "application/json",
				JSON.writeValueAsString(Map.of("name", "kafka load driver " + run)), 201)).path("secret").asString();
		var source = "//kafka-load.baton.example/" + run;
		send(http, url + "/api/v1/usage/sources", admin, "application/json",
				JSON.writeValueAsString(Map.of("source", source, "description", "Kafka load driver")), 201);
		var meter = "kafka-load-" + run;
		var type = "load.minutes." + run;
		send(http, url + "/api/v1/usage/meters", admin, "application/json", JSON.writeValueAsString(Map.of("code", meter,
				"name", "Kafka load " + run, "eventType", type, "aggregation", "SUM", "valueProperty", "/minutes",
				"dimensions", Map.of("runner", "/runner"), "unit", "minutes")), 201);

		var random = new Random(42);
		var now = Instant.now();
		var hour = now.truncatedTo(ChronoUnit.HOURS);
		int copies = (int) Math.round(distinct * resend);
		int total = distinct + copies;
		var order = new int[total];
		for (int i = 0; i < distinct; i++) {
			order[i] = i;
		}
		for (int i = 0; i < copies; i++) {
			order[distinct + i] = random.nextInt(distinct);
		}
		for (int i = distinct; i < total; i++) {
			int j = i - random.nextInt(Math.min(i, perRecord * 80) + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		long expected = 0;
		var minutes = new int[distinct];
		var times = new String[distinct];
		for (int i = 0; i < distinct; i++) {
			minutes[i] = 1 + random.nextInt(30);
			expected += minutes[i];
			times[i] = hour.plusMillis((long) (random.nextDouble() * Math.max(1, Duration.between(hour, now).toMillis())))
					.toString();
		}
		var records = new ArrayList<byte[]>();
		for (int from = 0; from < total; from += perRecord) {
			var body = new StringBuilder(perRecord * 220);
			if (perRecord > 1) {
				body.append('[');
			}
			for (int k = from; k < Math.min(total, from + perRecord); k++) {
				int e = order[k];
				if (k > from) {
					body.append(',');
				}
				body.append("{\"specversion\":\"1.0\",\"id\":\"e-").append(e).append("\",\"source\":\"").append(source)
						.append("\",\"type\":\"").append(type).append("\",\"subject\":\"acct-").append(e % subjects)
						.append("\",\"time\":\"").append(times[e]).append("\",\"data\":{\"minutes\":").append(minutes[e])
						.append(",\"runner\":\"r").append(e % 4).append("\"}}");
			}
			if (perRecord > 1) {
				body.append(']');
			}
			records.add(body.toString().getBytes(StandardCharsets.UTF_8));
		}
		System.out.printf("run %s: %,d distinct events + %,d copies in %,d records of %,d%n", run, distinct, copies,
				records.size(), perRecord);

		var probeUrl = url + "/api/v1/usage/meters/" + meter + "/totals?window=NONE&from=" + hour + "&to="
				+ hour.plus(1, ChronoUnit.HOURS);
		var probes = new ArrayList<Long>();
		long started = System.nanoTime();
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString(), ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			int i = 0;
			for (var record : records) {
				producer.send(new ProducerRecord<>(topic, Integer.toString(i++).getBytes(StandardCharsets.UTF_8), record));
			}
		}
		double produced = (System.nanoTime() - started) / 1e9;
		var counted = BigDecimal.ZERO;
		var deadline = started + Duration.ofMinutes(10).toNanos();
		while (counted.compareTo(BigDecimal.valueOf(expected)) < 0 && System.nanoTime() < deadline) {
			long t0 = System.nanoTime();
			var totals = JSON.readTree(send(http, probeUrl, reader, null, null, 200));
			probes.add(System.nanoTime() - t0);
			counted = totals.path("rows").isEmpty() ? BigDecimal.ZERO : totals.path("rows").get(0).path("value").decimalValue();
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		var probed = probes.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(probed);
		System.out.printf("written to Kafka in %.1f s; counted in %.1f s: %,.0f events/s (%,.0f distinct/s)%n", produced,
				seconds, total / seconds, distinct / seconds);
		System.out.printf("totals read meanwhile (%,d reads): p50 %.1f ms, p99 %.1f ms%n", probed.length,
				percentile(probed, 0.50), percentile(probed, 0.99));
		System.out.printf("meter total %s (expected %,d)%n", counted.toPlainString(), expected);
		// a little longer: a copy counted twice would show now
		Thread.sleep(3000);
		var again = JSON.readTree(send(http, probeUrl, reader, null, null, 200)).path("rows").get(0).path("value").decimalValue();
		boolean exact = again.compareTo(BigDecimal.valueOf(expected)) == 0;
		System.out.println(exact ? "EXACTLY ONCE: every distinct event counted once" : "MISMATCH: " + again.toPlainString());
		broker.destroy();
		System.exit(exact ? 0 : 1);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	private static String send(HttpClient http, String url, String auth, String contentType, String body, int expected)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(600));
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
		}
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}
}
