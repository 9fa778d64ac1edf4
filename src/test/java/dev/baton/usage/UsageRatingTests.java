package dev.baton.usage;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.pipeline.Pipeline;

/**
 * The rules of rating usage apart from the end-to-end story: a level over time totalled in
 * unit-months from the hourly totals; packs rolling over and drawn oldest first while the monthly
 * allowance does not roll over, and expiring; entitlements refused when not in the plan, and bad
 * input answered with Problem Details.
 */
@BatonIntegrationTest
class UsageRatingTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Pipeline pipeline;

	@Autowired
	UsagePeriods periods;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private static BigDecimal gbMonths(double gbHours, Instant month) {
		var hours = ChronoUnit.HOURS.between(month, UsagePeriods.next(month));
		return BigDecimal.valueOf(gbHours).divide(BigDecimal.valueOf(hours), 6, RoundingMode.HALF_EVEN);
	}

	@Test
	void aLevelOverTimeIsTotalledInUnitMonthsFromTheHourlyTotals() {
		var suffix = UUID.randomUUID().toString().substring(0, 8);
		var type = "storage.sampled." + suffix;
		var meter = "storage-" + suffix;
		assertThat(admin().post("/api/v1/usage/meters", Http.json(Map.of("code", meter, "name", "Storage", "eventType", type,
				"aggregation", "TIME_WEIGHTED_AVERAGE", "valueProperty", "/gb", "unit", "GB", "dimensions",
				Map.of("bucket", "/bucket")))).status()).isEqualTo(201);
		var source = "//storage-" + suffix + ".example";
		var token = admin().post("/api/v1/usage/sources", Http.json(Map.of("source", source))).json().path("token").asString();
		var month = UsagePeriods.next(UsagePeriods.periodOf(Instant.now()));
		clock.set(month.plus(20, ChronoUnit.DAYS));
		var events = List.of(sample(source, type, "s1", month, "a", 100), sample(source, type, "s2",
				month.plus(10, ChronoUnit.DAYS), "a", 200), sample(source, type, "s3", month.plus(5, ChronoUnit.DAYS), "b", 30),
				// a sample later in the same hour replaces the hour's level
				sample(source, type, "s4", month.plus(5, ChronoUnit.DAYS).plusSeconds(1800), "b", 40));
		var sent = Http.to(port).bearer(token).send("POST", "/api/v1/usage/events", "application/cloudevents-batch+json",
				Http.json(events).getBytes(StandardCharsets.UTF_8));
		assertThat(sent.json().path("accepted").asInt()).as(sent.body()).isEqualTo(4);

		var whole = totals(meter, month, month.plus(20, ChronoUnit.DAYS), "NONE", "&groupBy=bucket");
		assertThat(whole.path("unit").asString()).isEqualTo("GB-months");
		// bucket a: 100 GB for 10 days, then 200 GB for 10 days; bucket b: 40 GB for 15 days
		assertThat(value(whole, "a")).isEqualByComparingTo(gbMonths(100 * 240 + 200 * 240, month));
		assertThat(value(whole, "b")).isEqualByComparingTo(gbMonths(40 * 360, month));
		// from day 5 on, bucket a's level before the range is carried into it
		var carried = totals(meter, month.plus(5, ChronoUnit.DAYS), month.plus(20, ChronoUnit.DAYS), "NONE", "&groupBy=bucket");
		assertThat(value(carried, "a")).isEqualByComparingTo(gbMonths(100 * 120 + 200 * 240, month));
		// a day is a day's share of the month
		var day = totals(meter, month.plus(12, ChronoUnit.DAYS), month.plus(13, ChronoUnit.DAYS), "DAY", "");
		assertThat(day.path("rows").get(0).path("value").decimalValue()).isEqualByComparingTo(gbMonths(240 * 24, month));
		// nothing is counted beyond the current hour
		var open = totals(meter, month, UsagePeriods.next(month), "MONTH", "&groupBy=bucket");
		assertThat(value(open, "a")).isEqualByComparingTo(gbMonths(100 * 240 + 200 * 241, month));
	}

	private Map<String, Object> sample(String source, String type, String id, Instant time, String bucket, int gb) {
		return Map.of("specversion", "1.0", "id", id, "source", source, "type", type, "subject", "CRM-STORE-1", "time",
				time.toString(), "data", Map.of("gb", gb, "bucket", bucket));
	}

	private tools.jackson.databind.JsonNode totals(String meter, Instant from, Instant to, String window, String more) {
		var response = admin().get("/api/v1/usage/meters/" + meter + "/totals?from=" + from + "&to=" + to + "&window="
				+ window + more);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static BigDecimal value(tools.jackson.databind.JsonNode totals, String bucket) {
		for (var row : totals.path("rows")) {
			if (row.path("dimensions").path("bucket").asString().equals(bucket)) {
				return row.path("value").decimalValue();
			}
		}
		throw new AssertionError("no row for " + bucket + " in " + totals);
	}

	@Test
	void packsRollOverOldestFirstAndExpireWhileTheMonthlyAllowanceDoesNot() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("SUM", "minutes", Map.of("unit", "minute", "chargeModel", "PER_UNIT", "unitPrice", "0.01",
				"includedUnits", 100));
		var account = fixture.account();
		var subject = account.externalId();
		var subscription = fixture.subscribe(account, setup.plan(), 1);
		var month = setup.month();
		var next = UsagePeriods.next(month);
		fixture.buyPack(subscription, setup.packPlan(), 1000, subject);
		fixture.on(month.plus(2, ChronoUnit.DAYS));
		fixture.send(setup, List.of(MeteredFixture.event(setup, "a-1", subject, month.plus(1, ChronoUnit.DAYS), 1700)));
		// bought after the month ended, before it closed: for the months from this one on
		fixture.on(next.plus(12, ChronoUnit.HOURS));
		fixture.buyPack(subscription, setup.packPlan(), 1000, subject);
		fixture.on(next.plus(2, ChronoUnit.DAYS));
		periods.closeDue(setup.meter());
		assertThat(fixture.packs(subject)).extracting(p -> p.path("left").decimalValue().intValue()).containsExactly(0, 1000);

		// the new month: a fresh allowance of 100, not what was left of the last; the second pack rolled over whole
		var entitlement = fixture.entitlement(setup, subject);
		assertThat(entitlement.path("included").decimalValue()).isEqualByComparingTo("100");
		assertThat(entitlement.path("packs").decimalValue()).isEqualByComparingTo("1000");
		assertThat(entitlement.path("remaining").decimalValue()).isEqualByComparingTo("1100");

		fixture.buyPack(subscription, setup.packPlan(), 1000, subject);
		fixture.send(setup, List.of(MeteredFixture.event(setup, "a-2", subject, next.plus(1, ChronoUnit.DAYS), 1500)));
		fixture.on(UsagePeriods.next(next).plus(2, ChronoUnit.DAYS));
		periods.closeDue(setup.meter());
		var packs = fixture.packs(subject);
		assertThat(packs).extracting(p -> p.path("left").decimalValue().intValue()).as("the older pack is drawn on first")
				.containsExactly(0, 0, 600);

		var third = Instant.parse(packs.get(2).path("boughtAt").asString());
		assertThat(Instant.parse(packs.get(2).path("expiresAt").asString()))
				.isEqualTo(third.atZone(java.time.ZoneOffset.UTC).plusMonths(12).toInstant());
		fixture.on(third.atZone(java.time.ZoneOffset.UTC).plusMonths(12).plusDays(1).toInstant());
		assertThat(fixture.entitlement(setup, subject).path("packs").decimalValue()).as("an expired pack is not drawn on")
				.isEqualByComparingTo("0");
		assertThat(fixture.packs(subject).get(2).path("expired").asBoolean()).isTrue();
	}

	@Test
	void anAllowancePerSeatFollowsTheSubscriptionsSeats() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("COUNT", "builds", Map.of("unit", "build", "chargeModel", "PER_UNIT", "unitPrice", "0.50",
				"includedUnits", 100, "includedPer", "SEAT"));
		var account = fixture.account();
		var subscription = fixture.subscribe(account, setup.plan(), 2);
		await().atMost(java.time.Duration.ofSeconds(40)).untilAsserted(() -> assertThat(fixture.entitlement(setup,
				account.externalId()).path("included").decimalValue()).isEqualByComparingTo("200"));

		var changed = fixture.as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", subscription, "seats", 5)))));
		assertThat(changed.status()).as(changed.body()).isEqualTo(201);
		// the kept allowance is forgotten when the subscription changes, on every instance, and worked out again
		await().atMost(java.time.Duration.ofSeconds(40)).untilAsserted(() -> assertThat(fixture.entitlement(setup,
				account.externalId()).path("included").decimalValue()).isEqualByComparingTo("500"));
	}

	@Test
	void entitlementsAreRefusedOutsideThePlanAndBadInputIsAProblem() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("SUM", "minutes", Map.of("unit", "minute", "chargeModel", "PER_UNIT", "unitPrice", "0.01"));
		var stranger = fixture.entitlement(setup, "CRM-NOBODY-" + UUID.randomUUID());
		assertThat(stranger.path("allowed").asBoolean()).isFalse();
		assertThat(stranger.path("violations").get(0).path("rule").asString()).isEqualTo("usage.entitlement-not-in-plan");

		var token = Http.to(port).bearer(setup.token());
		assertProblem(token.get("/api/v1/entitlements/CRM-1/no-such-meter"), 404, "not-found");
		assertProblem(token.get("/api/v1/entitlements/" + "x".repeat(201) + "/" + setup.meter()), 400, "validation-failed");
		assertThat(admin().get("/api/v1/entitlements/CRM-1/" + setup.meter()).status()).as("administrators may ask")
				.isEqualTo(200);
		assertProblem(Http.to(port).as("finance").get("/api/v1/entitlements/CRM-1/" + setup.meter()), 403, "forbidden");
		assertProblem(token.get("/api/v1/usage/meters"), 403, "forbidden");
		var finance = Http.to(port).as("finance");
		assertProblem(finance.get("/api/v1/usage/meters/no-such-meter/periods"), 404, "not-found");
		assertProblem(finance.get("/api/v1/usage/subjects/CRM-1/closed-usage?from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z"),
				400, "validation-failed");
		assertProblem(finance.get("/api/v1/usage/subjects/CRM-1/closed-usage?from=yesterday&to=2027-01-01T00:00:00Z"), 400,
				"validation-failed");
	}
}
