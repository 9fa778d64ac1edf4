package dev.baton.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.licensing.verifier.Ed25519;
import dev.baton.licensing.verifier.LicenseVerifier;
import dev.baton.licensing.verifier.SeatReports;
import tools.jackson.databind.JsonNode;

/**
 * Self-managed subscriptions, activated instances and signed seat reports for the licensing
 * tests, made through the API like a customer's instance would.
 */
final class LicensingFixtures {

	final int port;
	final DealFixtures deals;
	final MutableClock clock;

	LicensingFixtures(int port, MutableClock clock) {
		this.port = port;
		this.deals = new DealFixtures(port);
		this.clock = clock;
	}

	Http desk() {
		return Http.to(port).as("deal-desk");
	}

	Http anonymous() {
		return Http.to(port);
	}

	/** A new deal owned by Alex Morgan (login {@code ae}) on a new account. */
	JsonNode deal() {
		return deals.opportunity(Map.of("subscriptionType", "Self-Managed"));
	}

	/** A subscription on the plan for the deal's account, ordered by deal desk; answers its id. */
	String subscribe(JsonNode deal, String plan, int seats) {
		var create = new LinkedHashMap<String, Object>();
		create.put("type", "CREATE_SUBSCRIPTION");
		create.put("parties", Map.of("ownerAccountId", deal.path("accountId").asString()));
		create.put("opportunityId", deal.path("id").asString());
		create.put("planCode", plan);
		create.put("seats", seats);
		create.put("currency", "USD");
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions", List.of(create))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("subscriptionIds").get(0).asString();
	}

	JsonNode subscription(String id) {
		return desk().get("/api/v1/subscriptions/" + id).json();
	}

	/** The subscription's licenses once {@code count} are issued (they are issued after the order commits). */
	JsonNode licenses(String subscription, int count) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				desk().get("/api/v1/licensing/subscriptions/" + subscription + "/licenses").json().size()).isEqualTo(count));
		return desk().get("/api/v1/licensing/subscriptions/" + subscription + "/licenses").json();
	}

	String file(String licenseId) {
		var response = desk().get("/api/v1/licensing/licenses/" + licenseId + "/file");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** A verifier trusting exactly the keys Baton publishes, read without a login. */
	LicenseVerifier verifier() {
		var keys = new LinkedHashMap<String, String>();
		var published = anonymous().get("/api/v1/licensing/keys");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		published.json().forEach(key -> keys.put(key.path("keyId").asString(), key.path("publicKey").asString()));
		return LicenseVerifier.ofEncoded(keys);
	}

	void changeSeats(String subscription, int seats) {
		var response = desk().post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", subscription, "seats", seats)))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	/** An instance of the subscription, activated with its code; its key signs its reports. */
	record Instance(String id, String licenseId, KeyPair key, String license) {
	}

	Instance activate(String subscription) {
		var code = desk().get("/api/v1/licensing/subscriptions/" + subscription + "/activation-code").json()
				.path("activationCode").asString();
		var key = keyPair();
		var response = anonymous().post("/api/v1/licensing/activations", Http.json(Map.of("activationCode", code,
				"instanceName", "gitlab.internal", "publicKey", Ed25519.encode(key.getPublic()))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var body = response.json();
		return new Instance(body.path("instanceId").asString(), body.path("licenseId").asString(), key,
				body.path("license").asString());
	}

	static KeyPair keyPair() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}

	String signedReport(Instance instance, LocalDate start, LocalDate end, int active, int max) {
		return signedReport(instance, start, end, active, max, Map.of());
	}

	String signedReport(Instance instance, LocalDate start, LocalDate end, int active, int max,
			Map<String, Integer> featuresDenied) {
		return SeatReports.sign(new SeatReports.Report(instance.licenseId(), instance.id(), start, end, active, max,
				clock.instant(), featuresDenied), instance.key().getPrivate());
	}

	Http.Response send(String report) {
		return anonymous().post("/api/v1/licensing/seat-reports", Http.json(Map.of("report", report)));
	}

	void on(LocalDate day) {
		clock.set(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
	}

	void backToNow() {
		clock.set(Instant.now());
	}

	static LocalDate date(JsonNode node) {
		return LocalDate.parse(node.asString());
	}
}
