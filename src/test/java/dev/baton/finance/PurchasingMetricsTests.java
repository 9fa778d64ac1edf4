package dev.baton.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.billing.BillingRun;
import dev.baton.pipeline.Pipeline;
import dev.baton.webhooks.WebhookReceiver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every purchasing flow is counted on the Prometheus endpoint (an order, an invoice finalized and
 * settled, a credit note, a declined and a received payment, usage events accepted, duplicated,
 * rejected and late, a webhook delivered with its lag), and the Grafana dashboard in the repository
 * asks for exactly the metrics Baton serves.
 */
@BatonIntegrationTest
class PurchasingMetricsTests {

	private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
	private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$");
	private static final Path DASHBOARD = Path.of("ops/grafana/baton-purchasing.json");
	private static final List<String> PURCHASING = List.of("baton_orders_placed_total", "baton_invoices_finalized_total",
			"baton_invoices_settled_total", "baton_credit_notes_issued_total", "baton_payments_total",
			"baton_usage_events_total", "baton_usage_events_late_total", "baton_webhooks_deliveries_total",
			"baton_webhooks_delivery_lag_seconds", "baton_webhooks_backlog_age_seconds");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pipeline pipeline;

	@Autowired
	BillingRun billing;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@AfterAll
	static void stop() {
		RECEIVER.close();
	}

	/** Every sample of the scrape: the metric with its labels as written, to its value. */
	private Map<String, Double> scrape() {
		var response = Http.to(port).as("admin").header("Accept", "text/plain").get("/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		var samples = new HashMap<String, Double>();
		for (var line : response.body().split("\n")) {
			var sample = SAMPLE.matcher(line.strip());
			if (sample.matches() && sample.group(1).startsWith("baton_")) {
				samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
						Double.parseDouble(sample.group(3)));
			}
		}
		return samples;
	}

	/** The value of the sample of {@code name} whose labels include all of {@code labels}; 0 when none. */
	private static double value(Map<String, Double> samples, String name, String... labels) {
		return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") || e.getKey().equals(name))
				.filter(e -> java.util.Arrays.stream(labels).allMatch(l -> e.getKey().contains(l)))
				.mapToDouble(Map.Entry::getValue).sum();
	}

	private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
		return value(after, name, labels) - value(before, name, labels);
	}

	@Test
	void everyPurchasingFlowIsCountedOnThePrometheusEndpoint() {
		var before = scrape();
		var admin = Http.to(port).as("admin");
		var finance = Http.to(port).as("finance");
		assertThat(admin.post("/api/v1/webhooks/endpoints", Http.json(Map.of("url", RECEIVER.newEndpoint(), "eventTypes",
				List.of("invoice.finalized")))).status()).isEqualTo(201);

		var account = pipeline.addAccount("CRM-MET-" + UUID.randomUUID().toString().substring(0, 8), "Metrics Co", "Retail",
				"AMER", false).id().toString();
		var order = Http.to(port).as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "WEB", "actions",
				List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-monthly", "seats", 2, "currency", "USD",
						"parties", Map.of("ownerAccountId", account))))));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		var subscription = UUID.fromString(order.json().path("subscriptionIds").get(0).asString());
		await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
				"SELECT count(*) FROM billing_subscription WHERE subscription_id = :id").param("id", subscription)
				.query(Integer.class).single() == 1);
		billing.run();
		var draft = finance.get("/api/v1/invoices?accountId=" + account).json().get(0).path("id").asString();
		assertThat(finance.post("/api/v1/invoices/" + draft + "/finalization", "").status()).isEqualTo(200);
		assertThat(finance.post("/api/v1/invoices/" + draft + "/payments", Http.json(Map.of("method", "CARD", "card",
				"4000 0000 0000 0002"))).status()).isEqualTo(402);
		assertThat(finance.post("/api/v1/invoices/" + draft + "/credit-notes", Http.json(Map.of("amount", 8.00, "reason",
				"Two days of outage"))).status()).isEqualTo(201);
		assertThat(finance.post("/api/v1/invoices/" + draft + "/payments", Http.json(Map.of("method", "WIRE", "amount",
				50.00, "currency", "USD", "reference", "MET-1"))).status()).isEqualTo(201);

		var source = "//" + UUID.randomUUID().toString().substring(0, 8) + ".metrics.example";
		var token = admin.post("/api/v1/usage/sources", Http.json(Map.of("source", source))).json().path("token").asString();
		var type = "dev.baton.test.metrics." + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/usage/meters", Http.json(Map.of("code", "m-" + UUID.randomUUID().toString()
				.substring(0, 8), "name", "Metrics", "eventType", type, "aggregation", "COUNT", "dimensions", Map.of(),
				"unit", "calls"))).status()).isEqualTo(201);
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		var batch = List.of(event(source, "e1", type, now), event(source, "e1", type, now),
				event(source, "e2", type, now.minus(Duration.ofHours(2))), event(source, "e3", "", now));
		var sent = Http.to(port).bearer(token).send("POST", "/api/v1/usage/events", "application/cloudevents-batch+json",
				Http.json(batch).getBytes(StandardCharsets.UTF_8));
		assertThat(sent.status()).as(sent.body()).isBetween(200, 299);

		await().atMost(Duration.ofSeconds(40)).until(() -> delta(before, scrape(), "baton_webhooks_deliveries_total",
				"outcome=\"delivered\"", "type=\"invoice.finalized\"") >= 1);
		var after = scrape();
		assertThat(delta(before, after, "baton_orders_placed_total", "channel=\"WEB\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_invoices_finalized_total", "currency=\"USD\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_payments_total", "status=\"FAILED\"", "method=\"CARD\"")).isGreaterThanOrEqualTo(1);
		assertThat(delta(before, after, "baton_payments_total", "status=\"SUCCEEDED\"", "method=\"WIRE\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_invoices_settled_total", "status=\"PAID\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_credit_notes_issued_total", "currency=\"USD\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_usage_events_total", "outcome=\"accepted\"")).isEqualTo(2);
		assertThat(delta(before, after, "baton_usage_events_total", "outcome=\"duplicate\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_usage_events_total", "outcome=\"rejected\"")).isEqualTo(1);
		assertThat(delta(before, after, "baton_usage_events_late_total")).isEqualTo(1);
		assertThat(delta(before, after, "baton_webhooks_delivery_lag_seconds_count")).isGreaterThanOrEqualTo(1);
		assertThat(after).containsKey("baton_webhooks_backlog_age_seconds");

		// the dashboard asks for exactly the purchasing metrics, and Baton serves each of them
		var served = new TreeSet<String>();
		after.keySet().forEach(k -> served.add(k.replaceAll("\\{.*", "").replaceAll("_(bucket|count|sum|max)$", "")));
		assertThat(served).containsAll(PURCHASING);
		assertThat(dashboardMetrics()).as("metrics in " + DASHBOARD).isEqualTo(new TreeSet<>(PURCHASING));
	}

	@Test
	void theRunningApplicationTracesNothingOutByDefault() {
		assertThat(context.getBeanProvider(io.opentelemetry.sdk.trace.export.SpanExporter.class).stream()).isEmpty();
		assertThat(context.getEnvironment().getProperty("management.tracing.export.enabled", Boolean.class)).isFalse();
	}

	private static Map<String, Object> event(String source, String id, String type, Instant time) {
		var event = new LinkedHashMap<String, Object>();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", source);
		event.put("type", type);
		event.put("subject", "project-1");
		event.put("time", time.toString());
		event.put("data", Map.of());
		return event;
	}

	private static TreeSet<String> dashboardMetrics() {
		try {
			var names = new TreeSet<String>();
			var expressions = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)).findValues("expr");
			var metric = Pattern.compile("baton_[a-z_]+");
			for (var expression : expressions) {
				var found = metric.matcher(expression.asString());
				while (found.find()) {
					names.add(found.group().replaceAll("_(bucket|count|sum|max)$", ""));
				}
			}
			return names;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
