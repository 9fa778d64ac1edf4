package dev.baton.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The catalog and the price book through HTTP, as an administrator sets them up and deal desk
 * reads them: products and plans, drafts, publishing, immutability, and which price applies on a
 * day to a new sale and to an existing subscription.
 */
@BatonIntegrationTest
class CatalogApiTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private String code(String name) {
		return name + "-" + suffix;
	}

	/** A product with one annual per-seat plan, answering the plan's code. */
	private String seatPlan() {
		var product = code("premium");
		assertThat(as("admin").post("/api/v1/catalog/products", Http.json(Map.of("code", product, "name", "Premium",
				"kind", "SUBSCRIPTION", "deployment", "SAAS"))).status()).isEqualTo(201);
		var plan = code("premium-annual");
		var created = as("admin").post("/api/v1/catalog/products/" + product + "/plans", Http.json(Map.of("code", plan,
				"name", "Annual", "billingPeriod", "ANNUAL", "termMonths", 12, "chargeModel", "PER_UNIT", "unit", "seat")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return plan;
	}

	/** The day after every published version, so this test's versions can be published after them. */
	private LocalDate afterLatestPublished() {
		var latest = LocalDate.now(clock);
		for (var version : as("admin").get("/api/v1/price-books").json()) {
			var from = LocalDate.parse(version.path("effectiveFrom").asString());
			if (version.path("status").asString().equals("PUBLISHED") && !from.isBefore(latest)) {
				latest = from.plusDays(1);
			}
		}
		return latest;
	}

	/** The latest published version: a new one is drafted as its copy, so it keeps every price. */
	private String latestPublished() {
		String id = null;
		LocalDate latest = null;
		for (var version : as("admin").get("/api/v1/price-books").json()) {
			var from = LocalDate.parse(version.path("effectiveFrom").asString());
			if (version.path("status").asString().equals("PUBLISHED") && (latest == null || from.isAfter(latest))) {
				latest = from;
				id = version.path("id").asString();
			}
		}
		return id;
	}

	private JsonNode draft(LocalDate from, String grandfathering, String basedOn) {
		var body = new java.util.LinkedHashMap<String, Object>(Map.of("name", "Test " + suffix, "effectiveFrom",
				from.toString(), "grandfathering", grandfathering));
		body.put("basedOn", basedOn == null ? latestPublished() : basedOn);
		var response = as("admin").post("/api/v1/price-books", Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private Http.Response setPrice(JsonNode version, String plan, String currency, String unitPrice, String etag) {
		return as("admin").header("If-Match", etag).put("/api/v1/price-books/" + version.path("id").asString()
				+ "/prices/" + plan + "/" + currency, Http.json(Map.of("unitPrice", unitPrice)));
	}

	/** Drafts, prices and publishes a version effective on {@code from}, with the clock on that day. */
	private String publish(LocalDate from, String grandfathering, String plan, String usdPrice) {
		clock.set(from.atStartOfDay().toInstant(ZoneOffset.UTC));
		var draft = draft(from, grandfathering, null);
		var priced = setPrice(draft, plan, "USD", usdPrice, "\"0\"");
		assertThat(priced.status()).as(priced.body()).isEqualTo(200);
		var id = draft.path("id").asString();
		var published = as("admin").header("If-Match", priced.header("ETag")).post("/api/v1/price-books/" + id + "/publication", "");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
		return id;
	}

	private JsonNode price(String plan, String currency, LocalDate on, String soldOn) {
		var response = as("deal-desk").get("/api/v1/prices?plan=" + plan + "&currency=" + currency + "&on=" + on
				+ (soldOn == null ? "" : "&soldOn=" + soldOn));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void theDemoCatalogSellsTiersForEachDeploymentAddOnsPacksAndServicesInAPublishedPriceBook() {
		var products = as("deal-desk").get("/api/v1/catalog/products").json();
		var codes = new ArrayList<String>();
		products.forEach(p -> codes.add(p.path("code").asString()));
		assertThat(codes).contains("premium-saas", "ultimate-self-managed", "ultimate-dedicated", "ai-assistant",
				"compute-minutes", "storage", "implementation-quickstart");
		var today = LocalDate.now(clock);
		var ultimate = price("ultimate-self-managed-annual", "USD", today, null);
		assertThat(ultimate.path("entry").path("unitPrice").decimalValue()).isEqualByComparingTo("1188");
		assertThat(ultimate.path("versionNumber").asInt()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void onlyAdministratorsChangeTheCatalogAndCodesAreCheckedAndUnique() {
		var body = Http.json(Map.of("code", code("x"), "name", "X", "kind", "SERVICE"));
		ProblemAssertions.assertProblem(as("deal-desk").post("/api/v1/catalog/products", body), 403, "forbidden");
		ProblemAssertions.assertProblem(as("customer").get("/api/v1/catalog/products"), 403, "forbidden");

		var badCode = as("admin").post("/api/v1/catalog/products",
				Http.json(Map.of("code", "Premium SaaS", "name", "X", "kind", "SERVICE")));
		ProblemAssertions.assertProblem(badCode, 422, "catalog-rule");
		assertThat(badCode.json().path("violations").get(0).path("rule").asString()).isEqualTo("catalog.code-format");
		assertThat(badCode.json().path("errors").get(0).path("field").asString()).isEqualTo("code");

		assertThat(as("admin").post("/api/v1/catalog/products", body).status()).isEqualTo(201);
		ProblemAssertions.assertProblem(as("admin").post("/api/v1/catalog/products", body), 409, "catalog-code-taken");

		var annualService = as("admin").post("/api/v1/catalog/products/" + code("x") + "/plans", Http.json(Map.of(
				"code", code("x-annual"), "name", "Annual", "billingPeriod", "ANNUAL", "termMonths", 12,
				"chargeModel", "FLAT", "unit", "engagement")));
		ProblemAssertions.assertProblem(annualService, 422, "catalog-rule");
		assertThat(annualService.json().path("violations").get(0).path("rule").asString()).isEqualTo("catalog.plan-period");
		ProblemAssertions.assertProblem(as("admin").post("/api/v1/catalog/products/" + code("nope") + "/plans",
				Http.json(Map.of("code", code("y"), "name", "Y", "billingPeriod", "ONE_TIME", "termMonths", 0,
						"chargeModel", "FLAT", "unit", "x"))), 404, "not-found");
		ProblemAssertions.assertProblem(as("admin").post("/api/v1/catalog/products", Http.json(Map.of("code", code("z"),
				"name", "Z", "kind", "GADGET"))), 400, "malformed-body");
	}

	@Test
	void aPublishedVersionIsImmutableThroughTheApiAndInTheDatabase() {
		var plan = seatPlan();
		var from = afterLatestPublished();
		var id = publish(from, "KEEP_UNTIL_RENEWAL", plan, "348");
		var version = as("admin").get("/api/v1/price-books/" + id);

		ProblemAssertions.assertProblem(setPrice(version.json(), plan, "USD", "1", version.header("ETag")), 409,
				"price-book-published");
		ProblemAssertions.assertProblem(as("admin").header("If-Match", version.header("ETag"))
				.post("/api/v1/price-books/" + id + "/publication", ""), 409, "price-book-published");
		assertThatThrownBy(() -> jdbc.sql("UPDATE price_book_entry SET unit_price = 1 WHERE version_id = :id")
				.param("id", UUID.fromString(id)).update()).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM price_book_version WHERE id = :id")
				.param("id", UUID.fromString(id)).update()).hasMessageContaining("immutable");
		assertThat(price(plan, "USD", from, null).path("entry").path("unitPrice").decimalValue()).isEqualByComparingTo("348");
	}

	@Test
	void aDraftRefusesPricesThatDoNotFitThePlanAndNeedsTheEtagItWasRead() {
		var plan = seatPlan();
		var draft = draft(afterLatestPublished(), "KEEP_UNTIL_RENEWAL", null);
		var path = "/api/v1/price-books/" + draft.path("id").asString() + "/prices/" + plan + "/USD";

		ProblemAssertions.assertProblem(as("admin").put(path, Http.json(Map.of("unitPrice", "348"))), 428,
				"precondition-required");
		var tiers = as("admin").header("If-Match", "\"0\"").put(path, Http.json(Map.of("unitPrice", "1",
				"tiers", List.of(Map.of("unitPrice", "1")))));
		ProblemAssertions.assertProblem(tiers, 422, "catalog-rule");
		assertThat(tiers.json().path("violations").get(0).path("rule").asString()).isEqualTo("price.charge-model");
		var negative = setPrice(draft, plan, "USD", "-5", "\"0\"");
		assertThat(negative.json().path("violations").get(0).path("rule").asString()).isEqualTo("price.not-negative");
		ProblemAssertions.assertProblem(setPrice(draft, plan, "usd", "5", "\"0\""), 422, "catalog-rule");

		assertThat(setPrice(draft, plan, "USD", "348", "\"0\"").status()).isEqualTo(200);
		ProblemAssertions.assertProblem(setPrice(draft, plan, "EUR", "324", "\"0\""), 409, "stale-version");
		var read = as("admin").get("/api/v1/price-books/" + draft.path("id").asString());
		var mine = new ArrayList<String>();
		read.json().path("entries").forEach(e -> {
			if (e.path("planCode").asString().equals(plan)) {
				mine.add(e.path("currency").asString() + " " + e.path("unitPrice").asString());
			}
		});
		assertThat(mine).as("the stale EUR price was not added").containsExactly("USD 348");
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void versionsTakeEffectOnTheirDayAndExistingSubscriptionsKeepTheirPriceUntilRenewalUnlessTheVersionSaysOtherwise() {
		var plan = seatPlan();
		var first = afterLatestPublished();
		var v1 = publish(first, "KEEP_UNTIL_RENEWAL", plan, "348");
		var v2 = publish(first.plusDays(30), "KEEP_UNTIL_RENEWAL", plan, "384");

		assertThat(price(plan, "USD", first.plusDays(29), null).path("versionId").asString()).isEqualTo(v1);
		var newSale = price(plan, "USD", first.plusDays(30), null);
		assertThat(newSale.path("versionId").asString()).isEqualTo(v2);
		assertThat(newSale.path("entry").path("unitPrice").decimalValue()).isEqualByComparingTo("384");
		var grandfathered = price(plan, "USD", first.plusDays(40), v1);
		assertThat(grandfathered.path("versionId").asString()).isEqualTo(v1);
		assertThat(grandfathered.path("entry").path("unitPrice").decimalValue()).isEqualByComparingTo("348");

		var v3 = publish(first.plusDays(60), "APPLY_TO_EXISTING", plan, "400");
		var moved = price(plan, "USD", first.plusDays(61), v1);
		assertThat(moved.path("versionId").asString()).as("APPLY_TO_EXISTING moves existing subscriptions").isEqualTo(v3);
	}

	@Test
	void aVersionIsPublishedOnlyFromTodayOnAfterTheLatestAndWithPrices() {
		var plan = seatPlan();
		var from = afterLatestPublished();
		clock.set(from.atStartOfDay().toInstant(ZoneOffset.UTC));
		var emptyResponse = as("admin").post("/api/v1/price-books", Http.json(Map.of("name", "Empty " + suffix,
				"effectiveFrom", from.toString())));
		var empty = emptyResponse.json();
		assertThat(empty.path("entries")).isEmpty();
		var refused = as("admin").header("If-Match", "\"0\"")
				.post("/api/v1/price-books/" + empty.path("id").asString() + "/publication", "");
		ProblemAssertions.assertProblem(refused, 422, "catalog-rule");
		assertThat(refused.json().path("violations").get(0).path("rule").asString()).isEqualTo("price-book.not-empty");

		var past = draft(from.minusDays(1), "KEEP_UNTIL_RENEWAL", null);
		var priced = setPrice(past, plan, "USD", "1", "\"0\"");
		var late = as("admin").header("If-Match", priced.header("ETag"))
				.post("/api/v1/price-books/" + past.path("id").asString() + "/publication", "");
		assertThat(late.json().path("violations").get(0).path("rule").asString()).isEqualTo("price-book.effective-date");
	}

	@Test
	void aCopiedDraftStartsWithItsBasesPricesAndAPlanWithoutAPriceInACurrencyIsNamed() {
		var plan = seatPlan();
		var from = afterLatestPublished();
		var v1 = publish(from, "KEEP_UNTIL_RENEWAL", plan, "348");
		var copy = draft(from.plusDays(10), "KEEP_UNTIL_RENEWAL", v1);
		assertThat(copy.path("entries")).anySatisfy(e -> assertThat(e.path("planCode").asString()).isEqualTo(plan));

		var missing = as("deal-desk").get("/api/v1/prices?plan=" + plan + "&currency=EUR&on=" + from);
		ProblemAssertions.assertProblem(missing, 422, "catalog-no-price");
		assertThat(missing.json().path("detail").asString()).contains(plan, "EUR");
		ProblemAssertions.assertProblem(as("deal-desk").get("/api/v1/prices?plan=" + code("none") + "&currency=USD"), 404,
				"not-found");
	}

	@Test
	void aVersionThatDropsAPriceOfTheLatestIsRefusedNamingIt() {
		var plan = seatPlan();
		var from = afterLatestPublished();
		publish(from, "KEEP_UNTIL_RENEWAL", plan, "348");
		clock.set(from.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		var draft = draft(from.plusDays(1), "KEEP_UNTIL_RENEWAL", null);
		var removed = as("admin").header("If-Match", "\"0\"").delete("/api/v1/price-books/" + draft.path("id").asString()
				+ "/prices/" + plan + "/USD");
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		var refused = as("admin").header("If-Match", removed.header("ETag"))
				.post("/api/v1/price-books/" + draft.path("id").asString() + "/publication", "");
		ProblemAssertions.assertProblem(refused, 422, "catalog-rule");
		assertThat(refused.json().path("violations").get(0).path("rule").asString()).isEqualTo("price-book.complete");
		assertThat(refused.json().path("detail").asString()).contains(plan + " in USD");
	}

	@Test
	void twoAdministratorsPublishingTheSameDraftAtOnceGiveOneWinner() throws Exception {
		var plan = seatPlan();
		var from = afterLatestPublished();
		clock.set(from.atStartOfDay().toInstant(ZoneOffset.UTC));
		var draft = draft(from, "KEEP_UNTIL_RENEWAL", null);
		var etag = setPrice(draft, plan, "USD", "348", "\"0\"").header("ETag");
		Callable<Integer> publish = () -> as("admin").header("If-Match", etag)
				.post("/api/v1/price-books/" + draft.path("id").asString() + "/publication", "").status();
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(publish);
			var b = pool.submit(publish);
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
