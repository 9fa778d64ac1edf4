package dev.baton.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * What the metered-usage tests share, made through the API since every integration test shares one
 * database: a meter and a source of their own; an annual tier plan, a prepaid pack plan and a price book
 * version (a copy of the latest, effective on the first of a month after every published one) that
 * prices the plan, its metered charge for the meter and the pack; an account of their own with a
 * subscription. Periods and clock moves are the test's.
 */
public final class MeteredFixture {

	private final int port;
	private final MutableClock clock;
	private final Pipeline pipeline;
	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	public MeteredFixture(int port, MutableClock clock, Pipeline pipeline) {
		this.port = port;
		this.clock = clock;
		this.pipeline = pipeline;
	}

	public Http admin() {
		return Http.to(port).as("admin");
	}

	public Http as(String username) {
		return Http.to(port).as(username);
	}

	/** What was set up: the meter and its event type, the source's name and token, the plans, and the first day of the price book version. */
	public record Setup(String meter, String eventType, String source, String token, String plan, String packPlan,
			String priceBookVersion, Instant month) {
	}

	/**
	 * A meter of {@code aggregation}, its source, an annual tier plan at USD 120 a seat with the given
	 * metered price for the meter, and a pack plan (packages of 1,000 at USD 5.00), published in a
	 * version effective on the first of a month after every published version; the clock is left on
	 * that day at 06:00.
	 */
	public Setup setUp(String aggregation, String unit, Map<String, Object> meteredPrice) {
		var type = "test.usage." + suffix;
		var meter = "m-" + suffix;
		var body = new LinkedHashMap<String, Object>(Map.of("code", meter, "name", "Metered " + suffix, "eventType", type,
				"aggregation", aggregation, "unit", unit, "dimensions", Map.of("runner", "/runner")));
		if (!aggregation.equals("COUNT")) {
			body.put("valueProperty", "/value");
		}
		created(admin().post("/api/v1/usage/meters", Http.json(body)));
		var source = "//metered-" + suffix + ".example";
		var token = created(admin().post("/api/v1/usage/sources", Http.json(Map.of("source", source)))).path("token")
				.asString();

		var product = "tier-" + suffix;
		created(admin().post("/api/v1/catalog/products", Http.json(Map.of("code", product, "name", "Tier " + suffix, "kind",
				"SUBSCRIPTION", "deployment", "SAAS"))));
		var plan = product + "-annual";
		created(admin().post("/api/v1/catalog/products/" + product + "/plans", Http.json(Map.of("code", plan, "name",
				"Annual", "billingPeriod", "ANNUAL", "termMonths", 12, "chargeModel", "PER_UNIT", "unit", "seat"))));
		var packProduct = "pack-" + suffix;
		created(admin().post("/api/v1/catalog/products", Http.json(Map.of("code", packProduct, "name", "Pack " + suffix,
				"kind", "CONSUMABLE", "deployment", "SAAS"))));
		var packPlan = packProduct + "-1000";
		created(admin().post("/api/v1/catalog/products/" + packProduct + "/plans", Http.json(Map.of("code", packPlan, "name",
				"Pack of 1,000", "billingPeriod", "ONE_TIME", "termMonths", 0, "chargeModel", "PACKAGE", "unit", unit))));
		ok(admin().put("/api/v1/catalog/plans/" + packPlan + "/pack", Http.json(Map.of("meterCode", meter))));

		var first = afterLatestPublished().withDayOfMonth(1).plusMonths(1);
		clock.set(first.atTime(6, 0).toInstant(ZoneOffset.UTC));
		var draft = created(admin().post("/api/v1/price-books", Http.json(Map.of("name", "Metered " + suffix,
				"effectiveFrom", first.toString(), "basedOn", latestPublished()))));
		var id = draft.path("id").asString();
		var etag = "\"" + draft.path("version").asInt() + "\"";
		etag = ok(admin().header("If-Match", etag).put("/api/v1/price-books/" + id + "/prices/" + plan + "/USD",
				Http.json(Map.of("unitPrice", "120")))).header("ETag");
		etag = ok(admin().header("If-Match", etag).put("/api/v1/price-books/" + id + "/prices/" + packPlan + "/USD",
				Http.json(Map.of("unitPrice", "5", "packageSize", 1000)))).header("ETag");
		etag = ok(admin().header("If-Match", etag).put("/api/v1/price-books/" + id + "/metered-prices/" + plan + "/" + meter
				+ "/USD", Http.json(meteredPrice))).header("ETag");
		ok(admin().header("If-Match", etag).post("/api/v1/price-books/" + id + "/publication", ""));
		return new Setup(meter, type, source, token, plan, packPlan, id, first.atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	/** A new account (its CRM id is the usage subject), with an opportunity owned by Alex Morgan. */
	public dev.baton.pipeline.Account account() {
		var external = "CRM-USE-" + UUID.randomUUID().toString().substring(0, 8);
		var account = pipeline.addAccount(external, "Metered " + external, "Software", "AMER", false);
		var owner = UUID.fromString(dev.baton.DemoOrganisation.person(admin(), "Alex Morgan"));
		pipeline.addOpportunity(new Pipeline.OpportunityData("OPP-" + external, account.id(), "Runners " + external, owner,
				dev.baton.organisation.Segment.MM_FIRST_ORDER, "Sales", "AMER", dev.baton.pipeline.Stage.DISCOVERY,
				dev.baton.platform.Money.of("10000", "USD"), LocalDate.now(clock).plusMonths(3),
				dev.baton.pipeline.SubscriptionType.SAAS, "Pipeline", null));
		return account;
	}

	/** A subscription of the account to the plan; its id. */
	public String subscribe(dev.baton.pipeline.Account account, String plan, int seats) {
		var response = as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(Map.of(
				"type", "CREATE_SUBSCRIPTION", "parties", Map.of("ownerAccountId", account.id().toString()), "planCode", plan,
				"seats", seats, "currency", "USD")))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("subscriptionIds").get(0).asString();
	}

	/** Buys packs (an order adding {@code quantity} units of the pack plan); waits until usage recorded the pack. */
	public void buyPack(String subscription, String packPlan, int quantity, String subject) {
		var before = packs(subject).size();
		var response = as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(Map.of(
				"type", "ADD_PRODUCT", "subscriptionId", subscription, "planCode", packPlan, "quantity", quantity)))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(40)).until(() -> packs(subject).size() > before);
	}

	public JsonNode packs(String subject) {
		return ok(as("finance").get("/api/v1/usage/subjects/" + subject + "/packs")).json();
	}

	/** Sends events as a batch with the source's token; answers the statuses, in order. */
	public List<String> send(Setup setup, List<Map<String, Object>> events) {
		var response = Http.to(port).bearer(setup.token()).send("POST", "/api/v1/usage/events",
				"application/cloudevents-batch+json", Http.json(events).getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var statuses = new ArrayList<String>();
		response.json().path("results").forEach(r -> statuses.add(r.path("status").asString()));
		return statuses;
	}

	public static Map<String, Object> event(Setup setup, String id, String subject, Instant time, Object value) {
		var event = new LinkedHashMap<String, Object>();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", setup.source());
		event.put("type", setup.eventType());
		event.put("subject", subject);
		event.put("time", time.toString());
		event.put("data", Map.of("value", value, "runner", "linux-small"));
		return event;
	}

	public JsonNode entitlement(Setup setup, String subject) {
		return ok(Http.to(port).bearer(setup.token()).get("/api/v1/entitlements/" + subject + "/" + setup.meter())).json();
	}

	public void on(Instant instant) {
		clock.set(instant);
	}

	private LocalDate afterLatestPublished() {
		var latest = LocalDate.now(clock);
		for (var version : admin().get("/api/v1/price-books").json()) {
			var from = LocalDate.parse(version.path("effectiveFrom").asString());
			if (version.path("status").asString().equals("PUBLISHED") && !from.isBefore(latest)) {
				latest = from.plusDays(1);
			}
		}
		return latest;
	}

	private String latestPublished() {
		String id = null;
		LocalDate latest = null;
		for (var version : admin().get("/api/v1/price-books").json()) {
			var from = LocalDate.parse(version.path("effectiveFrom").asString());
			if (version.path("status").asString().equals("PUBLISHED") && (latest == null || from.isAfter(latest))) {
				latest = from;
				id = version.path("id").asString();
			}
		}
		return id;
	}

	private static JsonNode created(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static Http.Response ok(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}
}
