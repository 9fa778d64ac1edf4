package dev.baton.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.billing.BillingRun;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing events as a finance system or the CRM receives them from real local endpoints:
 * invoices finalized, paid, voided and written off, credit notes, payments that succeed or fail,
 * each signed with the endpoint's secret, its data valid against the published schema, naming the
 * account and the opportunity by the CRM's ids, amounts as strings with their currency. And the
 * order per subscription: one subscription's events reach an endpoint in the order they happened,
 * a later one waiting while an earlier one is retried, without holding any other subscription's.
 */
@BatonIntegrationTest
class PurchasingEventsTests {

	private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final List<String> BILLING_TYPES = List.of("invoice.finalized", "invoice.paid", "invoice.voided",
			"invoice.uncollectible", "credit-note.issued", "payment.succeeded", "payment.failed");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pipeline pipeline;

	@Autowired
	BillingRun billingRun;

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

	private Http finance() {
		return Http.to(port).as("finance");
	}

	private JsonNode register(String url, List<String> types) {
		var response = admin().post("/api/v1/webhooks/endpoints",
				Http.json(Map.of("url", url, "description", "finance", "eventTypes", types)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private String subscribe(String account, String opportunity, int seats) {
		var create = new HashMap<String, Object>(Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual",
				"seats", seats, "currency", "USD", "parties", Map.of("ownerAccountId", account)));
		if (opportunity != null) {
			create.put("opportunityId", opportunity);
		}
		var response = Http.to(port).as("deal-desk").post("/api/v1/orders",
				Http.json(Map.of("channel", "SALES", "actions", List.of(create))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var id = response.json().path("subscriptionIds").get(0).asString();
		await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
				"SELECT count(*) FROM billing_subscription WHERE subscription_id = :id").param("id", UUID.fromString(id))
				.query(Integer.class).single() == 1);
		return id;
	}

	private JsonNode changeSeats(String subscription, int seats) {
		var response = Http.to(port).as("deal-desk").post("/api/v1/orders", Http.json(Map.of("channel", "SALES",
				"actions", List.of(Map.of("type", "CHANGE_SEATS", "subscriptionId", subscription, "seats", seats)))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** The account's draft, finalized; answers the open invoice. */
	private JsonNode finalized(String account) {
		var draft = finance().get("/api/v1/invoices?accountId=" + account).json().get(0);
		var response = finance().post("/api/v1/invoices/" + draft.path("id").asString() + "/finalization", "");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private String newAccount() {
		var crmId = "CRM-EVT-" + DealFixtures.unique();
		return pipeline.addAccount(crmId, "Events " + crmId, "Software", "AMER", false).id().toString();
	}

	private static boolean signedWith(WebhookReceiver.Received message, String secret) throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		var expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
				(message.id() + "." + message.timestamp() + "." + message.body()).getBytes(StandardCharsets.UTF_8)));
		return List.of(message.signature().split(" ")).contains(expected);
	}

	private static String schemaOf(JsonNode catalogue, String type) {
		for (var entry : catalogue) {
			if (entry.path("type").asString().equals(type)) {
				return entry.path("schema").toString();
			}
		}
		throw new AssertionError("no schema for " + type);
	}

	private static List<JsonNode> bodies(String url) {
		return RECEIVER.received(url).stream().filter(m -> m.answered() == 200).map(m -> JSON.readTree(m.body())).toList();
	}

	private static JsonNode only(List<JsonNode> bodies, String type, String invoiceId) {
		var matching = bodies.stream().filter(b -> b.path("type").asString().equals(type)
				&& b.path("data").path("invoiceId").asString().equals(invoiceId)).toList();
		assertThat(matching).as(type + " of " + invoiceId).hasSize(1);
		return matching.get(0).path("data");
	}

	@Test
	void billingEventsAreSignedMatchTheirSchemasAndNameTheAccountAndOpportunityAsTheCrmKnowsThem() throws Exception {
		var url = RECEIVER.newEndpoint();
		var secret = register(url, BILLING_TYPES).path("secret").asString();
		var deal = new DealFixtures(port).opportunity(Map.of());
		var paidAccount = deal.path("accountId").asString();
		var paidAccountCrmId = pipeline.account(AccountId.of(paidAccount)).externalId();
		subscribe(paidAccount, deal.path("id").asString(), 5);
		var writtenOffAccount = newAccount();
		subscribe(writtenOffAccount, null, 2);
		var voidedAccount = newAccount();
		subscribe(voidedAccount, null, 1);
		billingRun.run();

		// 5 seats of premium-saas-annual at USD 348.00: USD 1,740.00; a declined card, a credit note, then a transfer
		var paid = finalized(paidAccount);
		var paidId = paid.path("id").asString();
		var declined = finance().post("/api/v1/invoices/" + paidId + "/payments",
				Http.json(Map.of("method", "CARD", "card", "4000 0000 0000 0002")));
		assertThat(declined.status()).as(declined.body()).isEqualTo(402);
		var credit = finance().post("/api/v1/invoices/" + paidId + "/credit-notes",
				Http.json(Map.of("amount", 100.50, "reason", "Goodwill for the outage")));
		assertThat(credit.status()).as(credit.body()).isEqualTo(201);
		var wire = finance().post("/api/v1/invoices/" + paidId + "/payments", Http.json(Map.of("method", "WIRE",
				"amount", 1639.50, "currency", "USD", "reference", "BANK-1")));
		assertThat(wire.status()).as(wire.body()).isEqualTo(201);
		var writtenOff = finalized(writtenOffAccount).path("id").asString();
		assertThat(finance().header("Audit-Reason", "Customer went bankrupt")
				.post("/api/v1/invoices/" + writtenOff + "/write-off", "").status()).isEqualTo(200);
		var voided = finalized(voidedAccount).path("id").asString();
		assertThat(finance().header("Audit-Reason", "Issued in error")
				.post("/api/v1/invoices/" + voided + "/voiding", "").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(40)).until(() -> bodies(url).size() >= 9);
		var catalogue = admin().get("/api/v1/webhooks/event-types").json();
		var schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
		var types = new ArrayList<String>();
		for (var message : RECEIVER.received(url)) {
			assertThat(signedWith(message, secret)).as("signature of " + message.body()).isTrue();
			var body = JSON.readTree(message.body());
			var type = body.path("type").asString();
			types.add(type);
			assertThat(schemas.getSchema(schemaOf(catalogue, type)).validate(body.path("data").toString(), InputFormat.JSON))
					.as(type + " data against its schema: " + body.path("data")).isEmpty();
		}
		assertThat(types).containsExactlyInAnyOrder("invoice.finalized", "invoice.finalized", "invoice.finalized",
				"payment.failed", "credit-note.issued", "payment.succeeded", "invoice.paid", "invoice.uncollectible",
				"invoice.voided");

		var all = bodies(url);
		var finalizedData = only(all, "invoice.finalized", paidId);
		assertThat(finalizedData.path("number").asString()).isEqualTo(paid.path("number").asString());
		assertThat(finalizedData.path("total").path("amount").asString()).isEqualTo("1740.00");
		assertThat(finalizedData.path("total").path("currency").asString()).isEqualTo("USD");
		assertThat(finalizedData.path("account").path("crmId").asString()).isEqualTo(paidAccountCrmId);
		assertThat(finalizedData.path("opportunities").get(0).path("crmId").asString())
				.isEqualTo(deal.path("externalId").asString());
		var failed = only(all, "payment.failed", paidId);
		assertThat(failed.path("failure").asString()).isNotBlank();
		assertThat(failed.path("amount").path("amount").asString()).isEqualTo("1740.00");
		var note = only(all, "credit-note.issued", paidId);
		assertThat(note.path("amount").path("amount").asString()).isEqualTo("100.50");
		assertThat(note.path("opportunities").get(0).path("opportunityId").asString()).isEqualTo(deal.path("id").asString());
		assertThat(only(all, "payment.succeeded", paidId).path("amount").path("amount").asString()).isEqualTo("1639.50");
		assertThat(only(all, "invoice.paid", paidId).path("account").path("accountId").asString()).isEqualTo(paidAccount);
		var uncollectible = only(all, "invoice.uncollectible", writtenOff);
		assertThat(uncollectible.path("total").path("amount").asString()).isEqualTo("696.00");
		assertThat(uncollectible.path("opportunities")).as("sold on no opportunity").isEmpty();
		assertThat(only(all, "invoice.voided", voided).path("reason").asString()).isEqualTo("Issued in error");

		// one invoice's events arrive in the order they happened
		var ofPaid = all.stream().filter(b -> b.path("data").path("invoiceId").asString().equals(paidId))
				.map(b -> b.path("type").asString()).toList();
		assertThat(ofPaid).containsExactly("invoice.finalized", "payment.failed", "credit-note.issued",
				"payment.succeeded", "invoice.paid");
	}

	private List<WebhookReceiver.Received> of(String url, String subscription) {
		return RECEIVER.received(url).stream()
				.filter(m -> JSON.readTree(m.body()).path("data").path("subscriptionId").asString().equals(subscription))
				.toList();
	}

	private static String type(WebhookReceiver.Received message) {
		return JSON.readTree(message.body()).path("type").asString();
	}

	private JsonNode delivery(String endpoint, String messageId) {
		for (var delivery : admin().get("/api/v1/webhooks/endpoints/" + endpoint + "/deliveries").json()) {
			if (delivery.path("messageId").asString().equals(messageId)) {
				return delivery;
			}
		}
		throw new AssertionError("no delivery " + messageId);
	}

	@Test
	void oneSubscriptionsEventsArriveInOrderAndALaterOneWaitsWhileAnEarlierOneIsRetried() {
		var url = RECEIVER.newEndpoint();
		var endpoint = register(url, List.of("subscription.created", "subscription.changed")).path("endpoint").path("id")
				.asString();
		RECEIVER.failNext(url, 1);
		var held = subscribe(newAccount(), null, 3);
		changeSeats(held, 4);
		var other = subscribe(newAccount(), null, 2);

		// another subscription's event is not held by the retry, nor is the retry's successor sent meanwhile
		await().atMost(Duration.ofSeconds(40)).until(() -> of(url, other).size() == 1);
		var created = Payloads.messageId(EventType.SUBSCRIPTION_CREATED, held, 0);
		var changed = Payloads.messageId(EventType.SUBSCRIPTION_CHANGED, held, 1);
		await().atMost(Duration.ofSeconds(40)).until(() -> delivery(endpoint, created).path("status").asString()
				.equals("PENDING") && delivery(endpoint, created).path("attempts").asInt() == 1);
		assertThat(of(url, held)).extracting(PurchasingEventsTests::type).containsExactly("subscription.created");
		var waiting = delivery(endpoint, changed);
		assertThat(waiting.path("attempts").asInt()).as("never tried while the created event waits for its retry").isZero();
		assertThat(waiting.path("orderingKey").asString()).isEqualTo("subscription:" + held);
		assertThat(waiting.path("sequence").asLong()).isGreaterThan(delivery(endpoint, created).path("sequence").asLong());

		clock.advance(Duration.ofSeconds(6));
		await().atMost(Duration.ofSeconds(40)).until(() -> of(url, held).size() == 3);
		var arrived = of(url, held);
		assertThat(arrived).extracting(PurchasingEventsTests::type)
				.containsExactly("subscription.created", "subscription.created", "subscription.changed");
		assertThat(arrived).extracting(WebhookReceiver.Received::answered).containsExactly(503, 200, 200);
	}

	@Test
	void aDeliveryGivenUpHoldsNothingAfterIt() {
		var url = RECEIVER.newEndpoint();
		var endpoint = register(url, List.of("subscription.created", "subscription.changed")).path("endpoint").path("id")
				.asString();
		RECEIVER.failNext(url, 1);
		var subscription = subscribe(newAccount(), null, 3);
		changeSeats(subscription, 5);
		var created = Payloads.messageId(EventType.SUBSCRIPTION_CREATED, subscription, 0);
		await().atMost(Duration.ofSeconds(40)).until(() -> delivery(endpoint, created).path("attempts").asInt() == 1
				&& delivery(endpoint, created).path("status").asString().equals("PENDING"));
		assertThat(of(url, subscription)).hasSize(1);

		// as after the last retry: failed, waiting for a replay, and the events after it go on
		jdbc.sql("UPDATE webhook_delivery SET status = 'FAILED' WHERE message_id = :message AND status = 'PENDING'")
				.param("message", created).update();
		await().atMost(Duration.ofSeconds(40)).until(() -> of(url, subscription).size() == 2);
		assertThat(of(url, subscription)).extracting(PurchasingEventsTests::type)
				.containsExactly("subscription.created", "subscription.changed");
	}
}
