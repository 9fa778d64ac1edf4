package dev.baton.billing;

import static dev.baton.billing.BillingFixture.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.ProblemAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Payments through the API against PostgreSQL and the sandbox gateway: cards in parts, a declined
 * card kept and starting dunning, a card that asks for confirmation, bank transfers with an
 * overpayment becoming account credit that pays the next invoice, credit notes after payment going
 * to credit or back to the card, voiding and writing off, the card on file charged at
 * finalization, concurrent payments and retried requests paying once, and the database keeping
 * settled payments and the credit ledger immutable.
 */
@BatonIntegrationTest
class PaymentsTests extends BillingStory {

	/** A finalized invoice of USD 1,740.00 (5 seats of premium-saas-annual) for a new account. */
	private JsonNode openInvoice(String account) {
		billing.subscribe(account, "premium-saas-annual", 5);
		run.run();
		var id = billing.draft(account).path("id").asString();
		var finalized = billing.finance().post("/api/v1/invoices/" + id + "/finalization", "");
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		return finalized.json();
	}

	private Http.Response pay(String invoiceId, String key, Map<String, Object> body) {
		var http = billing.finance();
		if (key != null) {
			http = http.header("Idempotency-Key", key);
		}
		return http.post("/api/v1/invoices/" + invoiceId + "/payments", Http.json(body));
	}

	private static Map<String, Object> card(String number, Object amount) {
		var body = new HashMap<String, Object>();
		body.put("method", "CARD");
		body.put("card", number);
		if (amount != null) {
			body.put("amount", amount);
		}
		return body;
	}

	private static Map<String, Object> wire(Object amount, String currency) {
		return Map.of("method", "WIRE", "amount", amount, "currency", currency, "reference", "BANK-REF-1");
	}

	private JsonNode invoice(String id) {
		return billing.finance().get("/api/v1/invoices/" + id).json();
	}

	private static String balance(JsonNode credit) {
		for (var balance : credit.path("balances")) {
			if (balance.path("currency").asString().equals("USD")) {
				return amount(balance.path("amount"));
			}
		}
		return "none";
	}

	private String rule(Http.Response response) {
		return response.json().path("violations").get(0).path("rule").asString();
	}

	@Test
	void aCardPaysInPartsARetriedRequestPaysOnceAndTheLastPartMarksTheInvoicePaid() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();
		assertThat(invoice(id).path("dueOn").asString()).isEqualTo(billing.today().plusDays(30).toString());

		var first = pay(id, "pay-1", card("4242 4242 4242 4242", 740));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(first.header("Location")).isEqualTo("/api/v1/payments/" + first.json().path("id").asString());
		var retried = pay(id, "pay-1", card("4242 4242 4242 4242", 740));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.json().path("id").asString()).as("the same payment").isEqualTo(first.json().path("id").asString());
		var half = invoice(id);
		assertThat(half.path("status").asString()).isEqualTo("OPEN");
		assertThat(amount(half.path("paid"))).isEqualTo("740.00");
		assertThat(amount(half.path("due"))).isEqualTo("1000.00");

		var rest = pay(id, "pay-2", card("4242424242424242", null));
		assertThat(rest.status()).as(rest.body()).isEqualTo(201);
		assertThat(amount(rest.json().path("amount"))).as("without an amount: all that is owed").isEqualTo("1000.00");
		var paid = invoice(id);
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(amount(paid.path("due"))).isEqualTo("0.00");

		ProblemAssertions.assertProblem(pay(id, "pay-3", card("4242424242424242", 1)), 409, "invoice-settled");
		assertThat(billing.desk().get("/api/v1/invoices/" + id + "/payments").json()).hasSize(2);
		var collections = billing.finance().get("/api/v1/payments?from=" + billing.today() + "&to=" + billing.today().plusDays(1));
		assertThat(collections.status()).isEqualTo(200);
		var ids = new HashSet<String>();
		collections.json().forEach(p -> ids.add(p.path("id").asString()));
		assertThat(ids).contains(first.json().path("id").asString(), rest.json().path("id").asString());
	}

	@Test
	void aDeclinedCardIsAnsweredAs402KeptAsFailedAndStartsTheInvoicesDunning() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();

		var declined = pay(id, "try-1", card("4000 0000 0000 0002", null));
		ProblemAssertions.assertProblem(declined, 402, "payment-declined");
		assertThat(declined.json().path("detail").asString()).isEqualTo("The card was declined");
		var paymentId = declined.json().path("paymentId").asString();
		var payment = billing.finance().get("/api/v1/payments/" + paymentId).json();
		assertThat(payment.path("status").asString()).isEqualTo("FAILED");
		assertThat(amount(payment.path("applied"))).isEqualTo("0.00");
		assertThat(invoice(id).path("status").asString()).isEqualTo("OPEN");

		var dunning = billing.finance().get("/api/v1/invoices/" + id + "/dunning");
		assertThat(dunning.status()).as(dunning.body()).isEqualTo(200);
		assertThat(dunning.json().path("cause").asString()).isEqualTo("PAYMENT_FAILED");
		var firstStep = dunning.json().path("steps").get(0);
		assertThat(firstStep.path("action").asString()).isEqualTo("RETRY");
		assertThat(firstStep.path("takenAt").isNull()).as("the declined payment was today's attempt").isFalse();
		assertThat(dunning.json().path("steps").get(1).path("dueOn").asString())
				.isEqualTo(billing.today().plusDays(3).toString());

		var poor = pay(id, "try-2", card("4000000000009995", null));
		ProblemAssertions.assertProblem(poor, 402, "payment-declined");
		assertThat(poor.json().path("detail").asString()).contains("insufficient funds");
		assertThat(billing.finance().get("/api/v1/invoices/" + id + "/payments").json()).hasSize(2);
	}

	@Test
	void aCardThatAsksForConfirmationCountsOnlyOnceConfirmed() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();

		var waiting = pay(id, null, card("4000002500003155", null));
		assertThat(waiting.status()).as(waiting.body()).isEqualTo(201);
		assertThat(waiting.json().path("status").asString()).isEqualTo("REQUIRES_CONFIRMATION");
		assertThat(amount(invoice(id).path("due"))).isEqualTo("1740.00");

		var paymentId = waiting.json().path("id").asString();
		var confirmed = billing.finance().post("/api/v1/payments/" + paymentId + "/confirmation", "");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(invoice(id).path("status").asString()).isEqualTo("PAID");

		var again = billing.finance().post("/api/v1/payments/" + paymentId + "/confirmation", "");
		ProblemAssertions.assertProblem(again, 422, "billing-rule");
		assertThat(rule(again)).isEqualTo("payment.confirmation");
	}

	@Test
	void aTransferOverpaymentBecomesAccountCreditThatPaysTheNextInvoice() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();

		var euros = pay(id, null, wire(1740, "EUR"));
		ProblemAssertions.assertProblem(euros, 422, "billing-rule");
		assertThat(rule(euros)).isEqualTo("payment.currency");
		assertThat(euros.json().path("detail").asString()).contains("EUR").contains("USD");

		var transfer = pay(id, "bank-1", wire(2000, "usd"));
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		assertThat(amount(transfer.json().path("applied"))).isEqualTo("1740.00");
		assertThat(transfer.json().path("reference").asString()).isEqualTo("BANK-REF-1");
		assertThat(invoice(id).path("status").asString()).isEqualTo("PAID");
		var credit = billing.desk().get("/api/v1/accounts/" + account + "/credit").json();
		assertThat(balance(credit)).isEqualTo("260.00");

		// a second invoice of the same account: the credit pays part of it
		billing.subscribe(account, "premium-saas-monthly", 3);
		run.run();
		var next = billing.draft(account).path("id").asString();
		billing.finance().post("/api/v1/invoices/" + next + "/finalization", "");
		var fromCredit = pay(next, null, Map.of("method", "ACCOUNT_CREDIT"));
		assertThat(fromCredit.status()).as(fromCredit.body()).isEqualTo(201);
		assertThat(amount(fromCredit.json().path("amount"))).isEqualTo("87.00");
		assertThat(invoice(next).path("status").asString()).isEqualTo("PAID");
		var left = billing.desk().get("/api/v1/accounts/" + account + "/credit").json();
		assertThat(balance(left)).isEqualTo("173.00");
		assertThat(left.path("entries")).hasSize(2);
	}

	@Test
	void aCreditNoteOnAPaidInvoiceGoesToAccountCreditOrBackToTheCard() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();
		assertThat(pay(id, null, card("4242424242424242", null)).status()).isEqualTo(201);
		var notes = "/api/v1/invoices/" + id + "/credit-notes";

		var refund = billing.finance().post(notes, Http.json(Map.of("amount", 100, "reason", "Outage", "disposition", "REFUND")));
		assertThat(refund.status()).as(refund.body()).isEqualTo(201);
		assertThat(refund.json().path("disposition").asString()).isEqualTo("REFUND");
		var kept = billing.finance().post(notes, Http.json(Map.of("amount", 40, "reason", "Goodwill")));
		assertThat(kept.status()).as(kept.body()).isEqualTo(201);

		var credit = billing.finance().get("/api/v1/accounts/" + account + "/credit").json();
		assertThat(balance(credit)).as("the refund went back to the card").isEqualTo("40.00");
		var kinds = new ArrayList<String>();
		credit.path("entries").forEach(e -> kinds.add(e.path("kind").asString() + " " + amount(e.path("amount"))));
		assertThat(kinds).containsExactlyInAnyOrder("CREDIT_NOTE 100.00", "REFUNDED -100.00", "CREDIT_NOTE 40.00");
		assertThat(invoice(id).path("status").asString()).isEqualTo("PAID");

		// paid by transfer, there is no card to refund to
		var other = billing.newAccount();
		var wired = openInvoice(other).path("id").asString();
		pay(wired, null, wire(1740, "USD"));
		var noCard = billing.finance().post("/api/v1/invoices/" + wired + "/credit-notes",
				Http.json(Map.of("amount", 10, "reason", "Outage", "disposition", "REFUND")));
		ProblemAssertions.assertProblem(noCard, 422, "billing-rule");
		assertThat(rule(noCard)).isEqualTo("credit-note.refund");
	}

	@Test
	void anUnpaidInvoiceIsVoidedWithAReasonAWrittenOffOneStaysPayable() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();
		ProblemAssertions.assertProblem(billing.finance().post("/api/v1/invoices/" + id + "/voiding", ""), 422, "billing-rule");
		var voided = billing.finance().header("Audit-Reason", "Issued to the wrong entity")
				.post("/api/v1/invoices/" + id + "/voiding", "");
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(voided.json().path("status").asString()).isEqualTo("VOID");
		assertThat(amount(voided.json().path("due"))).isEqualTo("0.00");
		ProblemAssertions.assertProblem(pay(id, null, wire(1, "USD")), 409, "invoice-settled");

		var other = billing.newAccount();
		var partly = openInvoice(other).path("id").asString();
		pay(partly, null, wire(100, "USD"));
		var paidOn = billing.finance().header("Audit-Reason", "Wrong").post("/api/v1/invoices/" + partly + "/voiding", "");
		ProblemAssertions.assertProblem(paidOn, 422, "billing-rule");
		assertThat(rule(paidOn)).isEqualTo("invoice.void-unpaid");

		var writtenOff = billing.finance().header("Audit-Reason", "Customer in administration")
				.post("/api/v1/invoices/" + partly + "/write-off", "");
		assertThat(writtenOff.status()).as(writtenOff.body()).isEqualTo(200);
		assertThat(writtenOff.json().path("status").asString()).isEqualTo("UNCOLLECTIBLE");
		assertThat(pay(partly, null, wire(1640, "USD")).status()).as("still payable").isEqualTo(201);
		assertThat(invoice(partly).path("status").asString()).isEqualTo("PAID");
	}

	@Test
	void theCardOnFileIsChargedWhenAnInvoiceIsFinalized() {
		var account = billing.newAccount();
		var kept = billing.finance().put("/api/v1/accounts/" + account + "/card", Http.json(Map.of("card", "4242424242424242")));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().path("label").asString()).isEqualTo("Test card ending 4242");
		assertThat(kept.body()).as("the token stays inside billing").doesNotContain("sbx_card");
		ProblemAssertions.assertProblem(billing.finance().put("/api/v1/accounts/" + account + "/card",
				Http.json(Map.of("card", "1234"))), 422, "card-refused");
		var elsewhere = billing.newAccount();
		assertThat(billing.finance().put("/api/v1/accounts/" + elsewhere + "/card",
				Http.json(Map.of("card", "4242424242424242"))).status()).as("the same test card on another account").isEqualTo(200);
		assertThat(billing.finance().get("/api/v1/accounts/" + account + "/card").status()).as("still on file here")
				.isEqualTo(200);

		var id = openInvoice(account).path("id").asString();
		await().untilAsserted(() -> assertThat(invoice(id).path("status").asString()).isEqualTo("PAID"));
		var payments = billing.finance().get("/api/v1/invoices/" + id + "/payments").json();
		assertThat(payments).hasSize(1);
		assertThat(payments.get(0).path("method").asString()).isEqualTo("CARD");
	}

	@Test
	void badPaymentsAreProblemsNamingWhatIsWrongAndWriteNothing() {
		var account = billing.newAccount();
		billing.subscribe(account, "premium-saas-annual", 5);
		run.run();
		var draft = billing.draft(account).path("id").asString();
		var onDraft = pay(draft, null, wire(10, "USD"));
		ProblemAssertions.assertProblem(onDraft, 422, "billing-rule");
		assertThat(rule(onDraft)).isEqualTo("payment.invoice-state");

		billing.finance().post("/api/v1/invoices/" + draft + "/finalization", "");
		var id = draft;
		var tooMuch = pay(id, null, card("4242424242424242", 1740.01));
		ProblemAssertions.assertProblem(tooMuch, 422, "billing-rule");
		assertThat(tooMuch.json().path("detail").asString()).contains("more than the USD 1740.00 owed");
		assertThat(rule(pay(id, null, card("4242424242424242", 0)))).isEqualTo("payment.amount");
		assertThat(pay(id, null, card("4242424242424242", 1.001)).json().path("detail").asString()).contains("whole cents");
		ProblemAssertions.assertProblem(pay(id, null, card("5555", null)), 422, "card-refused");
		assertThat(rule(pay(id, null, Map.of("method", "CARD")))).as("no card and none on file").isEqualTo("payment.card");
		assertThat(rule(pay(id, null, Map.of("method", "ACCOUNT_CREDIT")))).isEqualTo("payment.credit");
		ProblemAssertions.assertProblem(pay(id, null, Map.of("amount", 1)), 400, "validation-failed");
		ProblemAssertions.assertProblem(billing.finance().post("/api/v1/invoices/" + id + "/payments", "{\"method\":\"CHEQUE\"}"),
				400, "malformed-body");
		ProblemAssertions.assertProblem(pay(UUID.randomUUID().toString(), null, wire(1, "USD")), 404, "not-found");
		ProblemAssertions.assertProblem(billing.finance().get("/api/v1/payments/" + UUID.randomUUID()), 404, "not-found");
		ProblemAssertions.assertProblem(billing.finance().get("/api/v1/payments?from=2026-02-01&to=2026-01-01"), 400,
				"validation-failed");
		assertThat(billing.desk().post("/api/v1/invoices/" + id + "/payments", Http.json(wire(1, "USD"))).status())
				.as("deal desk reads, finance collects").isEqualTo(403);
		ProblemAssertions.assertProblem(billing.finance().put("/api/v1/accounts/" + account + "/billing-contact",
				Http.json(Map.of("name", "AP", "email", "not-an-address"))), 422, "billing-rule");

		assertThat(billing.finance().get("/api/v1/invoices/" + id + "/payments").json()).as("nothing half-written").isEmpty();
		assertThat(amount(invoice(id).path("due"))).isEqualTo("1740.00");
	}

	@Test
	void concurrentPaymentsOfAllThatIsOwedPayOnceTheOthersAreTold409() throws Exception {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();
		var sameKey = openInvoice(billing.newAccount()).path("id").asString();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(8);
		try {
			var distinct = new ArrayList<Future<Http.Response>>();
			var repeated = new ArrayList<Future<Http.Response>>();
			for (int i = 0; i < 4; i++) {
				var key = "concurrent-" + i;
				Callable<Http.Response> each = () -> {
					start.await();
					return pay(id, key, card("4242424242424242", null));
				};
				Callable<Http.Response> same = () -> {
					start.await();
					return pay(sameKey, "one-key", wire(1740, "USD"));
				};
				distinct.add(pool.submit(each));
				repeated.add(pool.submit(same));
			}
			start.countDown();
			int won = 0;
			for (var answer : distinct) {
				var response = answer.get();
				assertThat(response.status()).as(response.body()).isIn(201, 409);
				won += response.status() == 201 ? 1 : 0;
			}
			assertThat(won).isEqualTo(1);
			var paymentIds = new HashSet<String>();
			for (var answer : repeated) {
				var response = answer.get();
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				paymentIds.add(response.json().path("id").asString());
			}
			assertThat(paymentIds).as("one key, one payment").hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(amount(invoice(id).path("paid"))).isEqualTo("1740.00");
		assertThat(amount(invoice(sameKey).path("paid"))).isEqualTo("1740.00");
		assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE invoice_id = :id").param("id", UUID.fromString(sameKey))
				.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void settledPaymentsAndTheCreditLedgerNeverChange() {
		var account = billing.newAccount();
		var id = openInvoice(account).path("id").asString();
		var payment = UUID.fromString(pay(id, null, wire(1800, "USD")).json().path("id").asString());
		assertThatThrownBy(() -> jdbc.sql("UPDATE payment SET amount = 1 WHERE id = :id").param("id", payment).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM payment WHERE id = :id").param("id", payment).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("never deleted");
		assertThatThrownBy(() -> jdbc.sql("UPDATE account_credit SET amount = 1000 WHERE payment_id = :id")
				.param("id", payment).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO account_credit (id, account_id, currency, amount, kind, payment_id, created_at, created_by)
				SELECT gen_random_uuid(), account_id, currency, amount, kind, payment_id, now(), 'x'
				FROM account_credit WHERE payment_id = :id""").param("id", payment).update())
				.as("an overpayment is credited once").isInstanceOf(DataAccessException.class);
	}
}
