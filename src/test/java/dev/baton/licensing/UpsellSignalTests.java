package dev.baton.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.licensing.domain.UpsellPolicy;
import tools.jackson.databind.JsonNode;

/**
 * Up-sell signals from verified seat reports: once per cause and period, with their evidence, in
 * the owner AE's signals and inbox, and an expansion opportunity pre-filled from them, opened
 * once by the owner AE only.
 */
@BatonIntegrationTest
class UpsellSignalTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	LicensingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new LicensingFixtures(port, clock);
	}

	@AfterEach
	void backToNow() {
		fixtures.backToNow();
	}

	private List<JsonNode> signalsOf(String subscription) {
		var mine = new ArrayList<JsonNode>();
		Http.to(port).as("ae").get("/api/v1/licensing/signals").json().forEach(s -> {
			if (s.path("subscriptionId").asString().equals(subscription)) {
				mine.add(s);
			}
		});
		return mine;
	}

	@Test
	void raisesEachCauseOncePerPeriodWithItsEvidenceForTheOwnerAe() {
		var id = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 10);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		var start = LicensingFixtures.date(fixtures.subscription(id).path("termStart"));
		fixtures.on(start.plusDays(20));

		assertThat(fixtures.send(fixtures.signedReport(instance, start, start.plusDays(9), 8, 9)).status()).isEqualTo(201);
		assertThat(fixtures.send(fixtures.signedReport(instance, start.plusDays(10), start.plusDays(19), 9, 10)).status())
				.isEqualTo(201);

		var signals = signalsOf(id);
		assertThat(signals).hasSize(1);
		var signal = signals.get(0);
		assertThat(signal.path("cause").asString()).isEqualTo("SEAT_USE_HIGH");
		assertThat(signal.path("evidence").path("maxBillableUsers").asInt()).isEqualTo(9);
		assertThat(signal.path("evidence").path("seatsPaid").asInt()).isEqualTo(10);
		assertThat(signal.path("evidence").path("reportId").asString()).isNotBlank();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				Http.to(port).as("ae").get("/api/v1/me/notifications").body()).contains("Up-sell signal"));
	}

	@Test
	void theOwnerAeOpensThePrefilledExpansionOnceAndNobodyElseDoes() throws Exception {
		var deal = fixtures.deal();
		var id = fixtures.subscribe(deal, "ultimate-self-managed-annual", 10);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		var start = LicensingFixtures.date(fixtures.subscription(id).path("termStart"));
		fixtures.on(start.plusDays(20));
		fixtures.send(fixtures.signedReport(instance, start, start.plusDays(19), 13, 13));
		var overage = signalsOf(id).stream().filter(s -> s.path("cause").asString().equals("OVERAGE")).findFirst()
				.orElseThrow();
		var path = "/api/v1/licensing/signals/" + overage.path("id").asString() + "/expansion";

		var draft = Http.to(port).as("ae").get(path).json();
		assertThat(draft.path("accountId").asString()).isEqualTo(deal.path("accountId").asString());
		assertThat(draft.path("proposedSeats").asInt()).isEqualTo(3);
		assertThat(draft.path("netArr").path("amount").decimalValue()).isEqualByComparingTo("3564.00");
		assertThat(draft.path("stage").asString()).isEqualTo("DISCOVERY");
		assertThat(draft.path("segment").asString()).isEqualTo(deal.path("segment").asString());

		var otherAe = "ae-" + DealFixtures.unique();
		fixtures.deals.personWithLogin(otherAe, List.of("AE"), "AE");
		var refused = fixtures.deals.login(otherAe).post(path, "{}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.json().path("violations").get(0).path("rule").asString()).isEqualTo("signal.owner");

		var pool = Executors.newFixedThreadPool(3);
		var answers = new ArrayList<Future<Http.Response>>();
		try {
			for (int i = 0; i < 3; i++) {
				answers.add(pool.submit((Callable<Http.Response>) () -> Http.to(port).as("ae").post(path, "{}")));
			}
			var opportunities = new HashSet<String>();
			var created = 0;
			for (var answer : answers) {
				var response = answer.get();
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				created += response.status() == 201 ? 1 : 0;
				opportunities.add(response.json().path("id").asString());
			}
			assertThat(created).isEqualTo(1);
			assertThat(opportunities).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		var signal = Http.to(port).as("ae").get("/api/v1/licensing/signals/" + overage.path("id").asString()).json();
		assertThat(signal.path("expansionOpportunityId").asString()).isNotBlank();
		var opportunity = Http.to(port).as("admin").get("/api/v1/opportunities/" + signal.path("expansionOpportunityId")
				.asString());
		assertThat(opportunity.status()).as(opportunity.body()).isEqualTo(200);
		assertThat(opportunity.json().path("externalId").asString()).startsWith("BATON-EXP-");
	}

	@Test
	void featuresUsersKeepReachingForRaiseOneSignalProposingTheNextTier() {
		var id = fixtures.subscribe(fixtures.deal(), "premium-self-managed-annual", 10);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		var day = LicensingFixtures.date(fixtures.subscription(id).path("termStart"));
		if (!UpsellPolicy.period(day).equals(UpsellPolicy.period(day.plusDays(2)))) {
			// three one-day reports within one quarter
			day = day.plusDays(3);
		}
		fixtures.on(day.plusDays(3));
		var demand = (java.util.function.Supplier<List<JsonNode>>) () -> signalsOf(id).stream()
				.filter(s -> s.path("cause").asString().equals("FEATURE_DEMAND")).toList();

		assertThat(fixtures.send(fixtures.signedReport(instance, day, day, 5, 5, Map.of("epics", 8))).status())
				.isEqualTo(201);
		assertThat(demand.get()).as("one period: not yet kept reaching for").isEmpty();
		var refused = fixtures.send(fixtures.signedReport(instance, day, day, 5, 5, Map.of("epics", 0)));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().path("violations").get(0).path("rule").asString()).isEqualTo("seat-report.features");

		assertThat(fixtures.send(fixtures.signedReport(instance, day.plusDays(1), day.plusDays(1), 5, 5,
				Map.of("epics", 4, "geo", 1))).status()).isEqualTo(201);
		assertThat(fixtures.send(fixtures.signedReport(instance, day.plusDays(2), day.plusDays(2), 5, 5,
				Map.of("epics", 9))).status()).isEqualTo(201);

		var signals = demand.get();
		assertThat(signals).as("once per cause and period").hasSize(1);
		var evidence = signals.get(0).path("evidence");
		assertThat(evidence.path("featuresDenied").path("epics").asInt()).isEqualTo(12);
		assertThat(evidence.path("featuresDenied").has("geo")).as("denied in one period only").isFalse();
		assertThat(evidence.path("reportIds")).hasSize(2);

		var draft = Http.to(port).as("ae").get("/api/v1/licensing/signals/" + signals.get(0).path("id").asString()
				+ "/expansion").json();
		assertThat(draft.path("name").asString()).contains("to ultimate-self-managed-annual").contains("epics");
		assertThat(draft.path("proposedSeats").asInt()).isEqualTo(10);
		// ten seats of Ultimate (USD 1,188.00) instead of Premium (USD 348.00)
		assertThat(draft.path("netArr").path("amount").decimalValue()).isEqualByComparingTo("8400.00");
	}

	@Test
	void theSignalsPageShowsTheAesSignalsAndOpensTheExpansion() {
		var id = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 10);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		var start = LicensingFixtures.date(fixtures.subscription(id).path("termStart"));
		fixtures.on(start.plusDays(20));
		fixtures.send(fixtures.signedReport(instance, start, start.plusDays(19), 11, 11));
		var signal = signalsOf(id).get(0).path("id").asString();
		var browser = dev.baton.PageSession.as(port, "ae");

		var page = browser.get("/licensing/signals/" + signal);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("signal-" + signal).contains("11 users in use, 10 seats paid")
				.contains("Open an expansion opportunity");
		var opened = browser.follow(browser.submit("/licensing/signals/" + signal, "/licensing/signals/" + signal + "/expansion"));

		assertThat(opened.body()).contains("opened.").contains("expansion opened");
	}
}
