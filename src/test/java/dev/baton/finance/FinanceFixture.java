package dev.baton.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.DealFixtures;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.billing.BillingRun;
import dev.baton.ordering.Renewals;
import dev.baton.pipeline.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Three customers' orders, invoices, payments, credit notes and a void over two months, made through
 * Baton's API from the first day of the month after next ({@code m0}), with the answers known:
 * <ul>
 * <li>Alpha (an MM First Order opportunity in AMER, a SALES order): 5 seats of Premium SaaS annual at
 * USD 348 and 5 AI assistant seats at USD 228 from m0 (ARR 2,880.00); invoice A1 USD 2,880.00 issued
 * m0, a transfer of 1,000.00 on m0, a credit note of 240.00 on m0+10: 1,640.00 still owed.</li>
 * <li>Beta (no opportunity, EMEA, a WEB order): 10 seats of Premium SaaS monthly at USD 29 from m0
 * (ARR 3,480.00); invoice B1 290.00 on m0 paid by card on m0+5; renewed for the second month
 * (ordered on m1-1), 12 seats from m1 (ARR 4,176.00); invoice B2 348.00 on m1, unpaid.</li>
 * <li>Gamma (no opportunity, APAC, a WEB order): 1 seat of Premium SaaS monthly from m0 (ARR
 * 348.00); invoice C1 29.00 on m0 voided on m0+2; renewed, invoice C2 29.00 on m1, unpaid;
 * cancelled now on m1+5.</li>
 * </ul>
 * Finance's listeners are waited for after each step, before the clock moves on.
 */
final class FinanceFixture {

	final LocalDate m0;
	final LocalDate m1;
	final String alpha;
	final String beta;
	final String gamma;
	final String opportunity;
	final String sa1;
	final String sb1;
	final String sc1;
	final Map<String, String> invoices = new HashMap<>();

	private final int port;
	private final MutableClock clock;
	private final JdbcClient jdbc;

	FinanceFixture(int port, MutableClock clock, JdbcClient jdbc, Pipeline pipeline, BillingRun billing,
			Renewals renewals) {
		this.port = port;
		this.clock = clock;
		this.jdbc = jdbc;
		m0 = YearMonth.now(ZoneOffset.UTC).plusMonths(2).atDay(1);
		m1 = m0.plusMonths(1);
		on(m0);
		var deal = new DealFixtures(port).opportunity(Map.of("segment", "MM_FIRST_ORDER", "regionKey", "AMER"));
		alpha = deal.path("accountId").asString();
		opportunity = deal.path("id").asString();
		var suffix = DealFixtures.unique();
		beta = pipeline.addAccount("FIN-B-" + suffix, "Beta " + suffix, "Retail", "EMEA", false).id().toString();
		gamma = pipeline.addAccount("FIN-C-" + suffix, "Gamma " + suffix, "Retail", "APAC", false).id().toString();

		sa1 = order("SALES", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-annual", "seats", 5,
				"addOns", Map.of("ai-assistant-annual", 5), "currency", "USD", "opportunityId", opportunity,
				"parties", Map.of("ownerAccountId", alpha)));
		sb1 = order("WEB", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-monthly", "seats", 10,
				"currency", "USD", "parties", Map.of("ownerAccountId", beta)));
		sc1 = order("WEB", Map.of("type", "CREATE_SUBSCRIPTION", "planCode", "premium-saas-monthly", "seats", 1,
				"currency", "USD", "parties", Map.of("ownerAccountId", gamma)));
		computed(sa1, 0);
		computed(sb1, 0);
		computed(sc1, 0);
		billed(List.of(sa1, sb1, sc1));
		billing.run();
		invoices.put("A1", finalized(alpha));
		invoices.put("B1", finalized(beta));
		invoices.put("C1", finalized(gamma));
		pay(invoices.get("A1"), Map.of("method", "WIRE", "amount", 1000.00, "currency", "USD", "reference", "FIN-1",
				"receivedOn", m0.toString()));

		on(m0.plusDays(2));
		assertThat(finance().header("Audit-Reason", "Issued in error")
				.post("/api/v1/invoices/" + invoices.get("C1") + "/voiding", "").status()).isEqualTo(200);
		settled(invoices.get("C1"), "VOID");

		on(m0.plusDays(5));
		pay(invoices.get("B1"), Map.of("method", "CARD", "card", "4242 4242 4242 4242"));
		settled(invoices.get("B1"), "PAID");

		on(m0.plusDays(10));
		var note = finance().post("/api/v1/invoices/" + invoices.get("A1") + "/credit-notes",
				Http.json(Map.of("amount", 240.00, "reason", "Onboarding delayed")));
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(40)).until(() -> count("finance_credit_note", "invoice_id",
				invoices.get("A1")) == 1);

		on(m1.minusDays(1));
		renewals.run();
		computed(sb1, 1);
		computed(sc1, 1);

		on(m1);
		order("WEB", Map.of("type", "CHANGE_SEATS", "subscriptionId", sb1, "seats", 12));
		computed(sb1, 2);
		billed(List.of(sb1));
		billing.run();
		invoices.put("B2", finalized(beta));
		invoices.put("C2", finalized(gamma));

		on(m1.plusDays(5));
		order("WEB", Map.of("type", "CANCEL", "subscriptionId", sc1, "when", "NOW"));
		computed(sc1, 2);
	}

	List<UUID> accounts() {
		return List.of(UUID.fromString(alpha), UUID.fromString(beta), UUID.fromString(gamma));
	}

	/** The accounts as query parameters. */
	String accountParameters() {
		return "accountId=" + alpha + "&accountId=" + beta + "&accountId=" + gamma;
	}

	Http finance() {
		return Http.to(port).as("finance");
	}

	private void on(LocalDate day) {
		clock.set(day.atTime(6, 0).toInstant(ZoneOffset.UTC));
	}

	private String order(String channel, Map<String, Object> action) {
		var response = Http.to(port).as("deal-desk").post("/api/v1/orders",
				Http.json(Map.of("channel", channel, "actions", List.of(action))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("subscriptionIds").get(0).asString();
	}

	private void computed(String subscription, int version) {
		await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
				"SELECT computed_version FROM finance_subscription WHERE subscription_id = :id")
				.param("id", UUID.fromString(subscription)).query(Integer.class).optional().orElse(-1) >= version);
	}

	/** Billing heard of the subscriptions' latest versions, so the run bills what they say. */
	private void billed(List<String> subscriptions) {
		for (var subscription : subscriptions) {
			await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql("""
					SELECT b.known_version = s.version FROM billing_subscription b JOIN subscription s ON s.id = b.subscription_id
					WHERE b.subscription_id = :id""").param("id", UUID.fromString(subscription)).query(Boolean.class)
					.optional().orElse(false));
		}
	}

	private String finalized(String account) {
		var draft = finance().get("/api/v1/invoices?accountId=" + account).json();
		String id = null;
		for (var invoice : draft) {
			if (invoice.path("status").asString().equals("DRAFT")) {
				id = invoice.path("id").asString();
			}
		}
		assertThat(id).as("a draft of " + account).isNotNull();
		var response = finance().post("/api/v1/invoices/" + id + "/finalization", "");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var invoice = id;
		await().atMost(Duration.ofSeconds(40)).until(() -> count("finance_invoice_line", "invoice_id", invoice) > 0);
		return id;
	}

	private JsonNode pay(String invoice, Map<String, Object> body) {
		var response = finance().post("/api/v1/invoices/" + invoice + "/payments", Http.json(body));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(40)).until(() -> count("finance_payment", "invoice_id", invoice) == 1);
		return response.json();
	}

	private void settled(String invoice, String status) {
		await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
				"SELECT status FROM finance_invoice WHERE invoice_id = :id").param("id", UUID.fromString(invoice))
				.query(String.class).single().equals(status));
	}

	private int count(String table, String column, String id) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :id").param("id", UUID.fromString(id))
				.query(Integer.class).single();
	}
}
