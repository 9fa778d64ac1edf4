package dev.baton.billing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.baton.platform.Money;

/**
 * The Stripe gateway against a local HTTP server that answers as Stripe's API does: what Baton
 * sends (the PaymentIntent form, the amount in cents, the idempotency key, the secret key) and how
 * it reads a success, a card decline, a refund and an unreachable Stripe.
 */
class StripeGatewayTests {

	private record Seen(String method, String path, String body, String idempotencyKey, String authorization) {
	}

	private final List<Seen> seen = new CopyOnWriteArrayList<>();
	private HttpServer server;
	private StripeGateway gateway;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::answer);
		server.start();
		gateway = new StripeGateway("sk_test_baton", "http://127.0.0.1:" + server.getAddress().getPort());
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		var path = exchange.getRequestURI().getPath();
		seen.add(new Seen(exchange.getRequestMethod(), path, body,
				exchange.getRequestHeaders().getFirst("Idempotency-Key"),
				exchange.getRequestHeaders().getFirst("Authorization")));
		int status = 200;
		String json;
		if (path.startsWith("/v1/payment_methods/pm_visa")) {
			json = """
					{"id": "pm_visa", "object": "payment_method", "type": "card",
					 "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}}""";
		}
		else if (path.startsWith("/v1/payment_methods/")) {
			status = 404;
			json = """
					{"error": {"type": "invalid_request_error", "code": "resource_missing",
					 "message": "No such PaymentMethod: 'pm_nope'", "param": "payment_method"}}""";
		}
		else if (path.equals("/v1/payment_intents") && body.contains("payment_method=pm_declined")) {
			status = 402;
			json = """
					{"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
					 "message": "Your card was declined.",
					 "payment_intent": {"id": "pi_declined", "object": "payment_intent", "status": "requires_payment_method"}}}""";
		}
		else if (path.equals("/v1/payment_intents")) {
			json = """
					{"id": "pi_paid", "object": "payment_intent", "status": "succeeded", "amount": 174000, "currency": "usd"}""";
		}
		else if (path.equals("/v1/refunds")) {
			json = """
					{"id": "re_1", "object": "refund", "status": "succeeded", "amount": 10000, "payment_intent": "pi_paid"}""";
		}
		else {
			status = 404;
			json = "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Unrecognized request URL\"}}";
		}
		var bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Test
	void aStoredCardIsTheStripePaymentMethodWithItsBrandAndLastDigits() {
		var card = gateway.store("pm_visa");
		assertThat(card.token()).isEqualTo("pm_visa");
		assertThat(card.label()).isEqualTo("Visa ending 4242");
		assertThat(seen.get(0).authorization()).isEqualTo("Bearer sk_test_baton");

		assertThatThrownBy(() -> gateway.store("4242424242424242")).isInstanceOf(PaymentGateway.CardRefused.class)
				.hasMessageContaining("payment method id");
		assertThatThrownBy(() -> gateway.store("pm_nope")).isInstanceOf(PaymentGateway.CardRefused.class)
				.hasMessageContaining("pm_nope");
	}

	@Test
	void aChargeIsAConfirmedPaymentIntentInCentsWithBatonsIdempotencyKey() {
		var outcome = gateway.charge("pm_visa", Money.of(new BigDecimal("1740.00"), "USD"), "invoice:1:key-1", "Invoice INV-1");
		assertThat(outcome.state()).isEqualTo(PaymentGateway.State.SUCCEEDED);
		assertThat(outcome.reference()).isEqualTo("pi_paid");
		var request = seen.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/payment_intents");
		assertThat(request.body()).contains("amount=174000", "currency=usd", "confirm=true", "payment_method=pm_visa");
		assertThat(request.idempotencyKey()).isEqualTo("invoice:1:key-1");
	}

	@Test
	void aCardDeclineIsADeclinedOutcomeWithStripesMessageNotAnException() {
		var outcome = gateway.charge("pm_declined", Money.of(new BigDecimal("10.00"), "USD"), "invoice:2:key", "Invoice");
		assertThat(outcome.state()).isEqualTo(PaymentGateway.State.DECLINED);
		assertThat(outcome.reference()).isEqualTo("pi_declined");
		assertThat(outcome.failure()).isEqualTo("Your card was declined.");
	}

	@Test
	void aRefundIsAStripeRefundOfThePaymentIntent() {
		var outcome = gateway.refund("pi_paid", Money.of(new BigDecimal("100.00"), "USD"), "refund:note-1");
		assertThat(outcome.state()).isEqualTo(PaymentGateway.State.SUCCEEDED);
		assertThat(outcome.reference()).isEqualTo("re_1");
		assertThat(seen.get(0).body()).contains("payment_intent=pi_paid", "amount=10000");
		assertThat(seen.get(0).idempotencyKey()).isEqualTo("refund:note-1");
	}

	@Test
	void anUnreachableStripeIsUnavailableSoNothingIsRecorded() throws IOException {
		int closed;
		try (var socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		var away = new StripeGateway("sk_test_baton", "http://127.0.0.1:" + closed);
		assertThatThrownBy(() -> away.charge("pm_visa", Money.of(BigDecimal.ONE, "USD"), "k", "d"))
				.isInstanceOf(PaymentGateway.Unavailable.class);
	}
}
