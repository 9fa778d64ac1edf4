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
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * The usage load driver (docs/benchmarks.md): against a running Baton, registers a source and a
 * SUM meter, sends {@code -Devents} distinct events in batches of {@code -Dbatch} from
 * {@code -Dsenders} threads, with {@code -Dresend} of them (10% by default) sent again as copies
 * in later batches, then checks that Baton counted every distinct event once: the accepted count,
 * the duplicates and the meter's total must match what was sent. Prints events per second (sent,
 * copies included) and the batches' p50 and p99 latency, and the p50 and p99 of an entitlement
 * check ({@code -Dprobe=entitlement}, the default: {@code GET /api/v1/entitlements/{subject}/{feature}}
 * for {@code -Dprobe.subject} and {@code -Dprobe.feature}, by default the demo's Acme Logistics and
 * its CI minutes, with the source's token, as a CI runner asks before a job) or of the meter's
 * totals of one subject ({@code -Dprobe=totals}, with an API token) made over and over while the
 * batches go in ({@code -Dprobe=false}: none). Exits 1 when a figure does not match.
 */
public final class UsageLoadDriver {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private UsageLoadDriver() {
	}

	public static void main(String[] args) throws Exception {
		var url = System.getProperty("baton.url", "http://127.0.0.1:8080");
		int distinct = Integer.getInteger("events", 200_000);
		int batchSize = Integer.getInteger("batch", 1000);
		int senders = Integer.getInteger("senders", 4);
		double resend = Double.parseDouble(System.getProperty("resend", "0.10"));
		int subjects = Integer.getInteger("subjects", 1000);
		var admin = "Basic " + Base64.getEncoder().encodeToString(
				(System.getProperty("user", "admin") + ":" + System.getProperty("password", "demo-password"))
						.getBytes(StandardCharsets.UTF_8));
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		var run = Long.toString(System.currentTimeMillis(), 36);
		// an API token for the reads under load: a password is checked with bcrypt on every request
		var reader = "Bearer " + JSON.readTree(send(http, url + "/api/v1/me/tokens", admin, "application/json",
				JSON.writeValueAsString(Map.of("name", "load driver " + run)), 201)).path("secret").asString();

		var registered = JSON.readTree(send(http, url + "/api/v1/usage/sources", admin, "application/json",
				JSON.writeValueAsString(Map.of("source", "//load.baton.example/" + run, "description", "load driver")), 201));
		var source = registered.path("source").path("source").asString();
		var token = "Bearer " + registered.path("token").asString();
		var meter = "load-" + run;
		// a type of its own: a meter defined later counts the events of its type sent before it
		var type = "load.minutes." + run;
		send(http, url + "/api/v1/usage/meters", admin, "application/json", JSON.writeValueAsString(Map.of("code", meter,
				"name", "Load " + run, "eventType", type, "aggregation", "SUM", "valueProperty", "/minutes",
				"dimensions", Map.of("runner", "/runner"), "unit", "minutes")), 201);

		// every body is made before the clock starts: the driver shares the machine with Baton
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
		// copies land in later batches than (or the same batch as) their first: shuffle within a window
		for (int i = distinct; i < total; i++) {
			int j = i - random.nextInt(Math.min(i, batchSize * 8) + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		var minutes = new int[distinct];
		long expected = 0;
		for (int i = 0; i < distinct; i++) {
			minutes[i] = 1 + random.nextInt(30);
			expected += minutes[i];
		}
		var times = new String[distinct];
		for (int i = 0; i < distinct; i++) {
			// within the current hour, not in the future
			times[i] = hour.plusMillis((long) (random.nextDouble() * Math.max(1, Duration.between(hour, now).toMillis())))
					.toString();
		}
		var bodies = new ConcurrentLinkedQueue<byte[]>();
		for (int from = 0; from < total; from += batchSize) {
			var body = new StringBuilder(batchSize * 220).append('[');
			for (int k = from; k < Math.min(total, from + batchSize); k++) {
				int e = order[k];
				if (k > from) {
					body.append(',');
				}
				body.append("{\"specversion\":\"1.0\",\"id\":\"e-").append(e).append("\",\"source\":\"").append(source)
						.append("\",\"type\":\"").append(type).append("\",\"subject\":\"acct-").append(e % subjects)
						.append("\",\"time\":\"").append(times[e]).append("\",\"data\":{\"minutes\":").append(minutes[e])
						.append(",\"runner\":\"r").append(e % 4).append("\"}}");
			}
			bodies.add(body.append(']').toString().getBytes(StandardCharsets.UTF_8));
		}
		int batches = bodies.size();
		System.out.printf("run %s: %,d distinct events + %,d copies in %,d batches of %,d from %d senders%n", run, distinct,
				copies, batches, batchSize, senders);

		var latencies = new long[batches];
		var done = new AtomicInteger();
		var accepted = new AtomicLong();
		var duplicates = new AtomicLong();
		var rejected = new AtomicLong();
		var failures = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(senders);
		var probe = System.getProperty("probe", "entitlement");
		var entitlement = probe.equals("entitlement") || probe.equals("true");
		var probeUrl = entitlement
				? url + "/api/v1/entitlements/" + System.getProperty("probe.subject", "CRM-ACC-1001") + "/"
						+ System.getProperty("probe.feature", "ci-minutes")
				: url + "/api/v1/usage/meters/" + meter + "/totals?window=NONE&subject=acct-7&from=" + hour + "&to="
						+ hour.plus(1, ChronoUnit.HOURS);
		var probeAuthorization = entitlement ? token : reader;
		var probes = new ConcurrentLinkedQueue<Long>();
		var probing = new java.util.concurrent.atomic.AtomicBoolean(true);
		var prober = new Thread(() -> {
			// bounded: at most one read every 20 ms, for as long as the batches go in
			while (probing.get() && probes.size() < 100_000) {
				long t0 = System.nanoTime();
				try {
					send(http, probeUrl, probeAuthorization, null, null, 200);
					probes.add(System.nanoTime() - t0);
					Thread.sleep(20);
				}
				catch (Exception e) {
					System.err.println("probe: " + e);
					return;
				}
			}
		});
		var cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		long cpuStarted = cpu.getProcessCpuTime();
		long started = System.nanoTime();
		if (!probe.equals("false")) {
			prober.start();
		}
		for (int s = 0; s < senders; s++) {
			pool.submit(() -> {
				byte[] body;
				while ((body = bodies.poll()) != null) {
					long t0 = System.nanoTime();
					try {
						var response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/usage/events"))
								.header("Authorization", token).header("Content-Type", "application/cloudevents-batch+json")
								.timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
								HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
							System.err.println(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
							continue;
						}
						// the counts come first: read them and leave the per-event results unread
						try (var parser = JSON.createParser(response.body())) {
							parser.nextToken();
							String name;
							while ((name = parser.nextName()) != null && !name.equals("results")) {
								parser.nextToken();
								switch (name) {
									case "accepted" -> accepted.addAndGet(parser.getLongValue());
									case "duplicates" -> duplicates.addAndGet(parser.getLongValue());
									case "rejected" -> rejected.addAndGet(parser.getLongValue());
									default -> parser.skipChildren();
								}
							}
						}
					}
					catch (Exception e) {
						failures.incrementAndGet();
						System.err.println(e);
					}
					latencies[done.getAndIncrement()] = System.nanoTime() - t0;
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
		double seconds = (System.nanoTime() - started) / 1e9;
		double driverCpu = (cpu.getProcessCpuTime() - cpuStarted) / 1e9;
		probing.set(false);
		prober.join();
		var probed = probes.stream().mapToLong(Long::longValue).sorted().toArray();
		var measured = Arrays.copyOf(latencies, done.get());
		Arrays.sort(measured);

		var totals = JSON.readTree(send(http, url + "/api/v1/usage/meters/" + meter + "/totals?window=NONE&from=" + hour
				+ "&to=" + hour.plus(1, ChronoUnit.HOURS), admin, null, null, 200));
		var counted = totals.path("rows").isEmpty() ? BigDecimal.ZERO : totals.path("rows").get(0).path("value").decimalValue();

		System.out.printf("sent %,d events in %.1f s: %,.0f events/s (%,.0f distinct/s)%n", total, seconds, total / seconds,
				distinct / seconds);
		System.out.printf("batch latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", percentile(measured, 0.50),
				percentile(measured, 0.99), measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6);
		System.out.printf("%s under load (%,d reads): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				entitlement ? "entitlement check" : "totals read", probed.length,
				percentile(probed, 0.50), percentile(probed, 0.99), probed.length == 0 ? 0 : probed[probed.length - 1] / 1e6);
		System.out.printf("the driver's own processor time while sending: %.1f s%n", driverCpu);
		System.out.printf("accepted %,d (expected %,d), duplicates %,d (expected %,d), rejected %,d, failed batches %d%n",
				accepted.get(), distinct, duplicates.get(), copies, rejected.get(), failures.get());
		System.out.printf("meter total %s (expected %,d)%n", counted.toPlainString(), expected);
		boolean exact = accepted.get() == distinct && duplicates.get() == copies && rejected.get() == 0
				&& failures.get() == 0 && counted.compareTo(BigDecimal.valueOf(expected)) == 0;
		System.out.println(exact ? "EXACTLY ONCE: every distinct event counted once" : "MISMATCH");
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
