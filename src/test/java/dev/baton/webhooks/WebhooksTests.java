package dev.baton.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against real local HTTP endpoints: an event reaches every endpoint subscribed to its
 * type, signed as Standard Webhooks say, with data that its published schema accepts; a hung
 * endpoint delays no other; a failing one is retried on the schedule (driven by the test clock),
 * then failed, then replayed; an event heard twice is delivered once; a rotated secret signs beside
 * the previous one; bad endpoints are refused naming what is wrong.
 */
@BatonIntegrationTest
class WebhooksTests {

	private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookSender sender;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	private Http admin() {
		return Http.to(port).as("admin");
	}

	private JsonNode register(String url, String... types) {
		var response = admin().post("/api/v1/webhooks/endpoints",
				Http.json(Map.of("url", url, "description", "test", "eventTypes", List.of(types))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private String order(int seats) {
		String account = null;
		for (var a : admin().get("/api/v1/accounts").json()) {
			if (a.path("externalId").asString().equals("CRM-ACC-1004")) {
				account = a.path("id").asString();
			}
		}
		var response = Http.to(port).as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES", "actions",
				List.of(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", seats,
						"currency", "USD", "parties", Map.of("ownerAccountId", account))))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("subscriptionIds").get(0).asString();
	}

	/** The receiver's own check of a Standard Webhooks signature, independent of Baton's code. */
	private static boolean signedWith(WebhookReceiver.Received message, String secret) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
				(message.id() + "." + message.timestamp() + "." + message.body()).getBytes(StandardCharsets.UTF_8)));
		return List.of(message.signature().split(" ")).contains(expected);
	}

	private JsonNode deliveries(String endpointId) {
		return admin().get("/api/v1/webhooks/endpoints/" + endpointId + "/deliveries").json();
	}

	@Test
	void anEventReachesEverySubscribedEndpointSignedAndAHungOneDelaysNoOther() throws Exception {
		var hung = RECEIVER.newEndpoint();
		RECEIVER.hang(hung);
		register(hung, "subscription.created", "order.placed");
		var healthy = RECEIVER.newEndpoint();
		var secret = register(healthy, "subscription.created", "order.placed").path("secret").asString();
		var elsewhere = RECEIVER.newEndpoint();
		register(elsewhere, "price-book.published");
		try {
			var id = order(4);
			await().atMost(Duration.ofSeconds(40)).until(() -> RECEIVER.received(healthy).size() == 2);
			assertThat(RECEIVER.received(hung)).as("the hung endpoint got its request too, and still holds it").isNotEmpty();

			var types = new ArrayList<String>();
			var schemas = admin().get("/api/v1/webhooks/event-types").json();
			for (var message : RECEIVER.received(healthy)) {
				assertThat(signedWith(message, secret)).as("signature of " + message.body()).isTrue();
				assertThat(message.id()).startsWith("msg_");
				assertThat(Math.abs(Long.parseLong(message.timestamp()) - clock.instant().getEpochSecond())).isLessThan(300);
				var body = JSON.readTree(message.body());
				types.add(body.path("type").asString());
				var schema = schemaOf(schemas, body.path("type").asString());
				var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
						.validate(body.path("data").toString(), InputFormat.JSON);
				assertThat(errors).as(body.path("type").asString() + " data against its schema").isEmpty();
			}
			assertThat(types).containsExactlyInAnyOrder("order.placed", "subscription.created");
			var created = RECEIVER.received(healthy).stream().map(m -> JSON.readTree(m.body()))
					.filter(b -> b.path("type").asString().equals("subscription.created")).findFirst().orElseThrow();
			assertThat(created.path("data").path("subscriptionId").asString()).isEqualTo(id);
			assertThat(created.path("data").path("seats").asInt()).isEqualTo(4);
			assertThat(RECEIVER.received(elsewhere)).isEmpty();
		}
		finally {
			RECEIVER.release(hung);
		}
	}

	private static String schemaOf(JsonNode catalogue, String type) {
		for (var entry : catalogue) {
			if (entry.path("type").asString().equals(type)) {
				return entry.path("schema").toString();
			}
		}
		throw new AssertionError("no schema for " + type);
	}

	@Test
	void aFailingEndpointIsRetriedOnTheScheduleThenFailsAndIsReplayed() {
		var failing = RECEIVER.newEndpoint();
		RECEIVER.answer(failing, 503);
		var endpoint = register(failing, "subscription.created").path("endpoint").path("id").asString();
		order(2);
		await().atMost(Duration.ofSeconds(40)).until(() -> RECEIVER.received(failing).size() == 1);
		await().atMost(Duration.ofSeconds(40)).until(() -> settled(deliveries(endpoint).get(0), 1));
		var first = deliveries(endpoint).get(0);
		assertThat(first.path("status").asString()).isEqualTo("PENDING");
		assertThat(first.path("attempts").asInt()).isEqualTo(1);

		// each wait of the schedule, in turn: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
		var waits = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
				Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
		for (int i = 0; i < waits.size(); i++) {
			var expected = i + 2;
			clock.advance(waits.get(i).minusSeconds(1));
			assertThat(RECEIVER.received(failing)).as("not before the wait is over").hasSize(expected - 1);
			clock.advance(Duration.ofSeconds(2));
			await().atMost(Duration.ofSeconds(40)).until(() -> RECEIVER.received(failing).size() == expected);
			// the attempt is settled before the clock moves on: a clock moved past the lease of an attempt still
			// being settled would let the sender claim it again and send a copy
			await().atMost(Duration.ofSeconds(40)).until(() -> settled(deliveries(endpoint).get(0), expected));
		}
		await().until(() -> deliveries(endpoint).get(0).path("status").asString().equals("FAILED"));
		var failed = deliveries(endpoint).get(0);
		var log = admin().get("/api/v1/webhooks/deliveries/" + failed.path("id").asString()).json().path("log");
		assertThat(log).hasSize(8).allSatisfy(attempt -> assertThat(attempt.path("statusCode").asInt()).isEqualTo(503));
		clock.advance(Duration.ofDays(2));
		assertThat(RECEIVER.received(failing)).as("a failed delivery waits for a replay").hasSize(8);

		RECEIVER.answer(failing, 204);
		var replayed = admin().post("/api/v1/webhooks/endpoints/" + endpoint + "/replay", "").json();
		assertThat(replayed.path("replayed").asInt()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(40))
				.until(() -> deliveries(endpoint).get(0).path("status").asString().equals("SUCCEEDED"));
		assertThat(RECEIVER.received(failing)).hasSize(9);
		assertThat(RECEIVER.received(failing).get(8).id()).as("the same message, so the receiver can dedupe")
				.isEqualTo(RECEIVER.received(failing).get(0).id());
	}

	/** Whether the delivery's attempt {@code attempts} failed and was recorded: to be tried again, or given up. */
	private static boolean settled(JsonNode delivery, int attempts) {
		return delivery.path("attempts").asInt() == attempts && delivery.path("lastStatus").asInt() == 503
				&& List.of("PENDING", "FAILED").contains(delivery.path("status").asString());
	}

	@Test
	void anEventHeardTwiceOrAtOnceIsDeliveredOnce() throws Exception {
		var url = RECEIVER.newEndpoint();
		var endpoint = register(url, "subscription.renewal-refused").path("endpoint").path("id").asString();
		var messageId = Payloads.messageId(EventType.SUBSCRIPTION_RENEWAL_REFUSED, "some-subscription", "2027-01-01");
		var pool = Executors.newFixedThreadPool(4);
		var enqueued = 0;
		try {
			var tasks = new ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 4; i++) {
				tasks.add(pool.submit((Callable<Integer>) () -> webhooks.publish(EventType.SUBSCRIPTION_RENEWAL_REFUSED,
						messageId, Map.of("reason", "test"))));
			}
			for (var task : tasks) {
				enqueued += task.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(enqueued).as("four copies at once, one delivery").isEqualTo(1);
		assertThat(webhooks.publish(EventType.SUBSCRIPTION_RENEWAL_REFUSED, messageId, Map.of("reason", "again"))).isZero();
		await().atMost(Duration.ofSeconds(40)).until(() -> RECEIVER.received(url).size() == 1);
		assertThat(deliveries(endpoint)).hasSize(1);
		assertThat(RECEIVER.received(url).get(0).id()).isEqualTo(messageId);
	}

	@Test
	void aRotatedSecretSignsBesideThePreviousOne() throws Exception {
		// the sender stops and starts again with its context (as a paused test context does), and still sends
		sender.stop();
		sender.start();
		var url = RECEIVER.newEndpoint();
		var registered = register(url, "subscription.created");
		var old = registered.path("secret").asString();
		var rotated = admin().post("/api/v1/webhooks/endpoints/" + registered.path("endpoint").path("id").asString()
				+ "/secret-rotation", "").json().path("secret").asString();
		assertThat(rotated).startsWith("whsec_").isNotEqualTo(old);
		order(1);
		await().atMost(Duration.ofSeconds(40)).until(() -> RECEIVER.received(url).size() == 1);
		var message = RECEIVER.received(url).get(0);
		assertThat(signedWith(message, rotated)).isTrue();
		assertThat(signedWith(message, old)).as("the previous secret still signs for a day").isTrue();
		assertThat(admin().get("/api/v1/webhooks/endpoints").body()).doesNotContain(old).doesNotContain(rotated);
	}

	@Test
	void badEndpointsAreRefusedNamingWhatIsWrongAndNothingIsRegistered() {
		var before = admin().get("/api/v1/webhooks/endpoints").json().size();
		var ftp = admin().post("/api/v1/webhooks/endpoints", Http.json(Map.of("url", "ftp://crm.example/hook",
				"eventTypes", List.of("order.placed"))));
		ProblemAssertions.assertProblem(ftp, 422, "webhook-rule");
		assertThat(ftp.body()).contains("webhook.url").contains("\"field\":\"url\"");
		var credentials = admin().post("/api/v1/webhooks/endpoints", Http.json(Map.of("url",
				"https://user:pass@crm.example/hook", "eventTypes", List.of("order.placed"))));
		ProblemAssertions.assertProblem(credentials, 422, "webhook-rule");
		var unknown = admin().post("/api/v1/webhooks/endpoints", Http.json(Map.of("url", "https://crm.example/hook",
				"eventTypes", List.of("order.placed", "order.teleported"))));
		ProblemAssertions.assertProblem(unknown, 422, "webhook-rule");
		assertThat(unknown.body()).contains("order.teleported").contains("webhook.event-types");
		var none = admin().post("/api/v1/webhooks/endpoints", Http.json(Map.of("url", "https://crm.example/hook",
				"eventTypes", List.of())));
		ProblemAssertions.assertProblem(none, 422, "webhook-rule");
		ProblemAssertions.assertProblem(Http.to(port).as("ae").post("/api/v1/webhooks/endpoints", Http.json(Map.of("url",
				"https://crm.example/hook", "eventTypes", List.of("order.placed")))), 403, "forbidden");
		ProblemAssertions.assertProblem(admin().get("/api/v1/webhooks/endpoints/" + java.util.UUID.randomUUID()), 404,
				"not-found");
		assertThat(admin().get("/api/v1/webhooks/endpoints").json().size()).isEqualTo(before);
	}
}
