package dev.baton.catalog;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;
import dev.baton.usage.MeteredFixture;

/**
 * Metered prices in the price book: set on a draft per plan, meter and currency, copied into a new
 * draft, immutable once published, resolved for a day like every price; refused naming the rule
 * when they do not fit a metered charge; and packs, which name the meter they prepay once.
 */
@BatonIntegrationTest
class MeteredPriceApiTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Pipeline pipeline;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@Test
	void meteredPricesLiveInPriceBookVersionsAndPacksNameTheirMeterOnce() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("SUM", "minutes", Map.of("unit", "minute", "chargeModel", "PER_UNIT", "unitPrice", "0.008",
				"includedUnits", 10000));
		var admin = fixture.admin();
		var path = "/api/v1/price-books/" + setup.priceBookVersion();

		var listed = admin.get(path + "/metered-prices").json();
		assertThat(listed).anySatisfy(p -> {
			assertThat(p.path("planCode").asString()).isEqualTo(setup.plan());
			assertThat(p.path("meterCode").asString()).isEqualTo(setup.meter());
			assertThat(p.path("includedPer").asString()).isEqualTo("MONTH");
		});
		var resolved = fixture.as("deal-desk").get("/api/v1/metered-prices?plan=" + setup.plan() + "&currency=USD&on="
				+ setup.month().toString().substring(0, 10)).json();
		assertThat(resolved.path("versionId").asString()).isEqualTo(setup.priceBookVersion());
		assertThat(resolved.path("prices").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("0.008");
		assertProblem(admin.header("If-Match", "\"1\"").put(path + "/metered-prices/" + setup.plan() + "/" + setup.meter()
				+ "/USD", Http.json(Map.of("unit", "minute", "chargeModel", "PER_UNIT", "unitPrice", "1"))), 409,
				"price-book-published");

		var draft = admin.post("/api/v1/price-books", Http.json(Map.of("name", "Next", "effectiveFrom",
				setup.month().toString().substring(0, 10), "basedOn", setup.priceBookVersion())));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		var draftPath = "/api/v1/price-books/" + draft.json().path("id").asString();
		assertThat(admin.get(draftPath + "/metered-prices").json().toString()).as("a copy keeps the metered prices")
				.contains(setup.meter());
		var meterPath = draftPath + "/metered-prices/" + setup.plan() + "/" + setup.meter() + "/USD";
		var flat = admin.header("If-Match", "\"0\"").put(meterPath, Http.json(Map.of("unit", "minute", "chargeModel", "FLAT",
				"unitPrice", "10")));
		assertProblem(flat, 422, "catalog-rule");
		assertThat(flat.body()).contains("price.metered");
		var noTiers = admin.header("If-Match", "\"0\"").put(meterPath, Http.json(Map.of("unit", "minute", "chargeModel",
				"TIERED")));
		assertProblem(noTiers, 422, "catalog-rule");
		assertThat(noTiers.body()).contains("price.charge-model");
		assertThat(admin.header("If-Match", "\"0\"").put(draftPath + "/metered-prices/" + setup.plan() + "/Not_A_Meter/USD",
				Http.json(Map.of("unit", "minute", "chargeModel", "PER_UNIT", "unitPrice", "1"))).body())
				.contains("price.metered");
		assertProblem(admin.header("If-Match", "\"0\"").put(meterPath, Http.json(Map.of("unit", "minute", "chargeModel",
				"PER_UNIT", "unitPrice", "1", "includedPer", "WEEK"))), 400, "malformed-body");
		var set = admin.header("If-Match", "\"0\"").put(meterPath, Http.json(Map.of("unit", "minute", "chargeModel",
				"VOLUME", "tiers", List.of(Map.of("upTo", 1000, "unitPrice", "0.01"), Map.of("unitPrice", "0.005")),
				"includedUnits", 100, "includedPer", "SEAT")));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.header("ETag")).isEqualTo("\"1\"");
		assertProblem(admin.header("If-Match", "\"0\"").put(meterPath, Http.json(Map.of("unit", "minute", "chargeModel",
				"PER_UNIT", "unitPrice", "1"))), 409, "stale-version");
		assertThat(fixture.as("deal-desk").put(meterPath, Http.json(Map.of())).status()).isEqualTo(403);

		// a pack names the meter it prepays, once
		assertThat(admin.put("/api/v1/catalog/plans/" + setup.packPlan() + "/pack", Http.json(Map.of("meterCode",
				setup.meter()))).status()).as("the same again changes nothing").isEqualTo(200);
		assertProblem(admin.put("/api/v1/catalog/plans/" + setup.packPlan() + "/pack", Http.json(Map.of("meterCode",
				"other-meter"))), 409, "conflict");
		var tier = admin.put("/api/v1/catalog/plans/" + setup.plan() + "/pack", Http.json(Map.of("meterCode", setup.meter())));
		assertProblem(tier, 422, "catalog-rule");
		assertThat(tier.body()).contains("catalog.pack");
		assertProblem(admin.put("/api/v1/catalog/plans/no-such-plan/pack", Http.json(Map.of("meterCode", "m"))), 404,
				"not-found");
		assertThat(fixture.as("deal-desk").get("/api/v1/catalog/packs").json().toString()).contains(setup.packPlan());
	}
}
