package dev.baton.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.pipeline.AccountId;
import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.licensing.verifier.License;
import dev.baton.licensing.verifier.Verification;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.Subscriptions;

/**
 * Licenses, activation and seat reports against the running application and real PostgreSQL:
 * issued once per self-managed subscription version, verified offline with the published keys,
 * downloaded in the portals; instances activated and their signed reports kept, counted once, or
 * refused with the reason and kept for review.
 */
@BatonIntegrationTest
class LicensingTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Licensing licensing;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	JdbcClient jdbc;

	LicensingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new LicensingFixtures(port, clock);
	}

	@AfterEach
	void backToNow() {
		fixtures.backToNow();
	}

	@Test
	void issuesASignedLicenseForASelfManagedOrderThatVerifiesOffline() {
		var deal = fixtures.deal();
		var id = fixtures.subscribe(deal, "ultimate-self-managed-annual", 10);

		var licenses = fixtures.licenses(id, 1);

		var issued = licenses.get(0);
		assertThat(issued.path("mode").asString()).isEqualTo("OFFLINE");
		assertThat(issued.path("seats").asInt()).isEqualTo(10);
		var file = fixtures.file(issued.path("id").asString());
		assertThat(file).startsWith("-----BEGIN BATON LICENSE-----\nKey-Id: " + issued.path("keyId").asString() + "\n");
		var result = fixtures.verifier().verify(file, LocalDate.now(clock), 10);
		assertThat(result.status()).as(result.explanation()).isEqualTo(Verification.Status.VALID);
		var license = result.license();
		assertThat(license.subscriptionId()).isEqualTo(id);
		var account = Http.to(port).as("admin").get("/api/v1/accounts/" + deal.path("accountId").asString()).json();
		assertThat(license.licenseeCompany()).isEqualTo(account.path("name").asString()).isNotBlank();
		assertThat(license.plan()).isEqualTo("ultimate-self-managed-annual");
		assertThat(license.quarterlyReconciliation()).isTrue();
		var subscription = fixtures.subscription(id);
		assertThat(license.startsOn()).isEqualTo(LicensingFixtures.date(subscription.path("termStart")));
		assertThat(license.expiresOn()).isEqualTo(LicensingFixtures.date(subscription.path("termEnd")));
		assertThat(license.blockChangesOn()).isEqualTo(license.expiresOn().plusDays(14));
		assertThat(license.notifyAdminsOn()).isEqualTo(license.expiresOn().minusDays(30));
	}

	@Test
	void issuesOneLicensePerVersionAndKeepsTheHistory() {
		var id = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 10);
		var first = fixtures.licenses(id, 1).get(0);

		fixtures.changeSeats(id, 15);
		var history = fixtures.licenses(id, 2);
		// the event again (a redelivery) issues nothing more
		licensing.issue(subscriptions.subscription(SubscriptionId.of(id)));

		assertThat(fixtures.licenses(id, 2).size()).isEqualTo(2);
		assertThat(history.get(0).path("seats").asInt()).isEqualTo(15);
		assertThat(history.get(0).path("subscriptionVersion").asInt()).isEqualTo(first.path("subscriptionVersion").asInt() + 1);
		assertThat(fixtures.verifier().verify(fixtures.file(first.path("id").asString()), LocalDate.now(clock)).valid())
				.as("the first version's license still verifies").isTrue();
	}

	@Test
	void issuesNoLicenseForASaasPlan() {
		var id = fixtures.subscribe(fixtures.deal(), "premium-saas-annual", 5);

		assertThat(licensing.issue(subscriptions.subscription(SubscriptionId.of(id)))).isEmpty();
		assertThat(fixtures.desk().get("/api/v1/licensing/subscriptions/" + id + "/licenses").json().size()).isZero();
		assertThat(fixtures.desk().get("/api/v1/licensing/subscriptions/" + id + "/activation-code").status()).isEqualTo(404);
	}

	@Test
	void publishesPublicKeysOnlyAndNoPrivateKey() {
		var keys = fixtures.anonymous().get("/api/v1/licensing/keys");

		assertThat(keys.status()).isEqualTo(200);
		assertThat(keys.json().size()).isGreaterThanOrEqualTo(1);
		assertThat(keys.body()).doesNotContainIgnoringCase("private");
		keys.json().forEach(key -> assertThat(key.path("algorithm").asString()).isEqualTo("Ed25519"));
	}

	@Test
	void theCustomerAndItsPartnerDownloadTheirLicensesAndNobodyElse() {
		var acme = accountByExternalId("CRM-ACC-1001");
		var northwind = accountByExternalId("CRM-ACC-3001");
		var create = new java.util.LinkedHashMap<String, Object>();
		create.put("type", "CREATE_SUBSCRIPTION");
		create.put("parties", Map.of("ownerAccountId", acme, "invoiceOwnerAccountId", northwind));
		create.put("planCode", "ultimate-self-managed-annual");
		create.put("seats", 4);
		create.put("currency", "USD");
		var order = fixtures.desk().post("/api/v1/orders", Http.json(Map.of("channel", "PARTNER", "actions", List.of(create))));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		var id = order.json().path("subscriptionIds").get(0).asString();
		var license = fixtures.licenses(id, 1).get(0).path("id").asString();
		var other = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 3);
		var otherLicense = fixtures.licenses(other, 1).get(0).path("id").asString();

		for (var login : List.of("customer", "partner")) {
			var portal = Http.to(port).as(login);
			assertThat(portal.get("/api/v1/portal/licensing/subscriptions/" + id + "/licenses").json().size()).isEqualTo(1);
			var download = portal.get("/api/v1/portal/licensing/licenses/" + license + "/file");
			assertThat(download.status()).as(login + ": " + download.body()).isEqualTo(200);
			assertThat(download.header("Content-Disposition")).contains("attachment").contains(".license");
			assertThat(fixtures.verifier().verify(download.body(), LocalDate.now(clock)).valid()).isTrue();
			assertThat(portal.get("/api/v1/portal/licensing/licenses/" + otherLicense + "/file").status()).isEqualTo(404);
			assertThat(portal.get("/api/v1/portal/licensing/subscriptions/" + other + "/licenses").status()).isEqualTo(404);
		}
	}

	@Test
	void refusesALicenseeWithoutAnEmailAddress() {
		var deal = fixtures.deal();
		var response = fixtures.desk().put("/api/v1/licensing/accounts/" + deal.path("accountId").asString() + "/licensee",
				Http.json(Map.of("name", "Dana Fox", "email", "not an address")));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/licensing-rule");
		assertThat(response.json().path("violations").get(0).path("rule").asString()).isEqualTo("licensee.email");
		assertThat(licensing.licenseeOf(AccountId.of(java.util.UUID.fromString(deal.path("accountId").asString())))).isEmpty();
	}

	@Test
	void activatesAnInstanceWithAnOnlineLicenseOncePerKey() {
		var id = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 10);
		fixtures.licenses(id, 1);

		var instance = fixtures.activate(id);

		var online = fixtures.verifier().verify(instance.license(), LocalDate.now(clock));
		assertThat(online.status()).as(online.explanation()).isEqualTo(Verification.Status.VALID);
		assertThat(online.license().mode()).isEqualTo(License.Mode.ONLINE);
		assertThat(online.license().instanceId()).isEqualTo(instance.id());
		var code = fixtures.desk().get("/api/v1/licensing/subscriptions/" + id + "/activation-code").json()
				.path("activationCode").asString();
		var again = fixtures.anonymous().post("/api/v1/licensing/activations", Http.json(Map.of("activationCode", code,
				"instanceName", "gitlab.internal", "publicKey",
				dev.baton.licensing.verifier.Ed25519.encode(instance.key().getPublic()))));
		assertThat(again.json().path("instanceId").asString()).isEqualTo(instance.id());
		assertThat(fixtures.licenses(id, 2).size()).as("one offline, one online").isEqualTo(2);
	}

	@Test
	void refusesAnActivationWithAnUnknownCodeOrABadKey() {
		var response = fixtures.anonymous().post("/api/v1/licensing/activations", Http.json(Map.of("activationCode",
				"NOPE", "instanceName", "x", "publicKey", "not a key")));

		assertThat(response.status()).isEqualTo(422);
		var rules = new ArrayList<String>();
		response.json().path("violations").forEach(v -> rules.add(v.path("rule").asString()));
		assertThat(rules).containsExactly("activation.code", "activation.public-key");
	}

	@Test
	void keepsASignedSeatReportOnceHoweverOftenItIsSent() throws Exception {
		var id = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 10);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		var today = LocalDate.now(clock);
		fixtures.on(today.plusDays(31));
		var report = fixtures.signedReport(instance, today, today.plusDays(30), 6, 7);

		var pool = Executors.newFixedThreadPool(4);
		var answers = new ArrayList<Future<Http.Response>>();
		try {
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit((Callable<Http.Response>) () -> fixtures.send(report)));
			}
			var ids = new java.util.HashSet<String>();
			var created = 0;
			for (var answer : answers) {
				var response = answer.get();
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				created += response.status() == 201 ? 1 : 0;
				ids.add(response.json().path("report").path("id").asString());
			}
			assertThat(ids).hasSize(1);
			assertThat(created).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		var repeat = fixtures.send(report);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().path("repeated").asBoolean()).isTrue();
		assertThat(repeat.json().path("license").asString()).as("the online license comes back").contains("BEGIN BATON LICENSE");
		assertThat(jdbc.sql("SELECT count(*) FROM seat_report WHERE subscription_id = :id")
				.param("id", java.util.UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void refusesAChangedOrForeignReportWithItsReasonAndKeepsItForReview() {
		var id = fixtures.subscribe(fixtures.deal(), "ultimate-self-managed-annual", 10);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		var today = LocalDate.now(clock);
		fixtures.on(today.plusDays(31));
		var report = fixtures.signedReport(instance, today, today.plusDays(30), 6, 7);
		var foreign = new LicensingFixtures.Instance(instance.id(), instance.licenseId(), LicensingFixtures.keyPair(), null);

		var changed = fixtures.send(report.replace("\nKey-Id: ", "\nKey-Id: x"));
		var wrongKey = fixtures.send(fixtures.signedReport(foreign, today, today.plusDays(30), 6, 3));
		var future = fixtures.send(fixtures.signedReport(instance, today, today.plusDays(60), 6, 3));

		assertThat(List.of(changed, wrongKey, future)).allSatisfy(r -> {
			assertThat(r.status()).as(r.body()).isEqualTo(422);
			assertThat(r.json().path("type").asString()).isEqualTo("/problems/seat-report-refused");
			assertThat(r.json().path("reportId").asString()).isNotBlank();
		});
		assertThat(changed.json().path("violations").get(0).path("rule").asString()).isEqualTo("seat-report.instance");
		assertThat(wrongKey.json().path("violations").get(0).path("rule").asString()).isEqualTo("seat-report.signature");
		assertThat(future.json().path("violations").get(0).path("rule").asString()).isEqualTo("seat-report.period");
		var again = fixtures.send(fixtures.signedReport(foreign, today, today.plusDays(30), 6, 3));
		assertThat(again.status()).isEqualTo(422);
		var review = Http.to(port).as("finance").get("/api/v1/licensing/seat-reports?status=REFUSED").json();
		var kept = new ArrayList<String>();
		review.forEach(r -> kept.add(r.path("id").asString()));
		assertThat(kept).contains(changed.json().path("reportId").asString(), wrongKey.json().path("reportId").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM seat_report WHERE subscription_id = :id AND status = 'VERIFIED'")
				.param("id", java.util.UUID.fromString(id)).query(Integer.class).single()).as("never counted").isZero();
		assertThat(fixtures.send("garbage").json().path("violations").get(0).path("rule").asString())
				.isEqualTo("seat-report.format");
	}

	private String accountByExternalId(String externalId) {
		for (var account : Http.to(port).as("admin").get("/api/v1/accounts").json()) {
			if (account.path("externalId").asString().equals(externalId)) {
				return account.path("id").asString();
			}
		}
		throw new AssertionError("no demo account " + externalId);
	}
}
