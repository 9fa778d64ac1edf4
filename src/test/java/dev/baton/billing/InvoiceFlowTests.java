package dev.baton.billing;

import static dev.baton.billing.BillingFixture.amount;
import static dev.baton.billing.BillingFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.ProblemAssertions;

/**
 * Billing stories through the API and the billing run, against PostgreSQL, moving the clock: the
 * first invoice in advance, an upgrade mid-year with proration, a cancellation now with its
 * credit, the preview and the explanation of each line, finalization with its number and hash,
 * the database keeping finalized invoices immutable and lines unique.
 */
@BatonIntegrationTest
class InvoiceFlowTests extends BillingStory {

	@Autowired
	Invoices invoices;

	private static String prorated(String yearly, long days, long periodDays) {
		return new BigDecimal(yearly).multiply(BigDecimal.valueOf(days))
				.divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_EVEN).toPlainString();
	}

	@Test
	void subscriptionsThatShareABillingDayShareADraftAndAnotherDayHasItsOwn() {
		var account = billing.newAccount();
		var first = billing.today();
		billing.subscribe(account, "premium-saas-monthly", 2);
		billing.subscribe(account, "premium-saas-monthly", 3);
		run.run();
		billing.on(first.plusDays(10));
		billing.subscribe(account, "premium-saas-monthly", 4);
		run.run();

		var drafts = billing.invoices(account).stream().filter(i -> i.path("status").asString().equals("DRAFT"))
				.map(i -> billing.finance().get("/api/v1/invoices/" + i.path("id").asString()).json()).toList();
		assertThat(drafts).hasSize(2);
		assertThat(drafts.stream().map(d -> d.path("lines").size()).sorted().toList())
				.as("the two of the first day on one draft, the third on its own").containsExactly(1, 2);
		assertThat(jdbc.sql("SELECT billing_day FROM invoice WHERE invoice_owner_account_id = CAST(:a AS uuid)"
				+ " AND status = 'DRAFT' ORDER BY billing_day").param("a", account).query(java.time.LocalDate.class).list())
				.containsExactly(first, first.plusDays(10));
	}

	@Test
	void billsTheFirstYearInAdvanceOnceHoweverOftenTheRunRuns() {
		var account = billing.newAccount();
		var id = billing.subscribe(account, "premium-saas-annual", 5);

		run.run();
		run.run();

		var draft = billing.draft(account);
		assertThat(lines(draft)).containsExactly("CHARGE 1740.00");
		var line = draft.path("lines").get(0);
		assertThat(line.path("explanation").asString()).startsWith("5 seats x USD 348.00 (premium-saas-annual, price book version ");
		assertThat(line.path("from").asString()).isEqualTo(billing.today().toString());
		assertThat(line.path("to").asString()).isEqualTo(billing.today().plusMonths(12).toString());
		assertThat(line.path("subscriptionId").asString()).isEqualTo(id);
		assertThat(amount(draft.path("total"))).isEqualTo("1740.00");
		assertThat(draft.path("number").isNull()).as("a draft has no number yet").isTrue();
		assertThat(billing.linesOf(id)).isEqualTo(1);
	}

	@Test
	void anUpgradeMidYearCreditsTheUnusedOldPlanAndChargesTheNewOneAndEachLineIsExplained() {
		var account = billing.newAccount();
		var id = billing.subscribe(account, "premium-saas-annual", 5);
		var start = billing.today();
		run.run();

		billing.on(start.plusDays(100));
		var upgrade = billing.change(id, Map.of("type", "CHANGE_PLAN", "planCode", "ultimate-saas-annual"), 1);
		var days = ChronoUnit.DAYS.between(start.plusDays(100), start.plusMonths(12));
		var periodDays = ChronoUnit.DAYS.between(start, start.plusMonths(12));
		var credit = "-" + prorated("1740", days, periodDays);
		var charge = prorated("5940", days, periodDays);

		// the preview says what the run will bill, and writes nothing
		var preview = billing.desk().get("/api/v1/subscriptions/" + id + "/upcoming-invoice");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().path("lines")).hasSize(2);
		assertThat(amount(preview.json().path("lines").get(0).path("amount"))).isEqualTo(credit);
		assertThat(amount(preview.json().path("lines").get(1).path("amount"))).isEqualTo(charge);
		assertThat(billing.linesOf(id)).isEqualTo(1);

		run.run();
		run.run();

		var draft = billing.draft(account);
		assertThat(lines(draft)).containsExactly("CHARGE 1740.00", "CREDIT " + credit, "CHARGE " + charge);
		var newPlan = draft.path("lines").get(2);
		assertThat(newPlan.path("explanation").asString())
				.startsWith("5 seats x USD 1,188.00 x " + days + "/" + periodDays + " days (ultimate-saas-annual");
		assertThat(draft.path("lines").get(1).path("explanation").asString())
				.startsWith("Credit for unused days: 5 seats x USD 348.00 x " + days + "/" + periodDays + " days");

		var explanation = billing.desk().get("/api/v1/invoices/" + draft.path("id").asString() + "/lines/"
				+ draft.path("lines").get(1).path("id").asString() + "/explanation");
		assertThat(explanation.status()).as(explanation.body()).isEqualTo(200);
		var why = explanation.json();
		assertThat(why.path("source").path("version").asInt()).isEqualTo(1);
		assertThat(why.path("source").path("action").asString()).isEqualTo("CHANGE_PLAN");
		assertThat(why.path("source").path("orderNumber").asString()).isEqualTo(upgrade.path("number").asString());
		assertThat(why.path("price").path("planCode").asString()).isEqualTo("premium-saas-annual");
		assertThat(why.path("price").path("priceBookVersionNumber").asInt()).isPositive();
		assertThat(why.path("quantity").path("from").asString()).startsWith("seats of S-");
		assertThat(why.path("days").path("days").asLong()).isEqualTo(days);
		assertThat(why.path("days").path("daysInPeriod").asLong()).isEqualTo(periodDays);
		assertThat(why.path("arithmetic").asString()).contains(days + "/" + periodDays + " days");
		assertThat(why.path("inputsHash").asString()).hasSize(64);

		var nothingLeft = billing.desk().get("/api/v1/subscriptions/" + id + "/upcoming-invoice").json();
		assertThat(nothingLeft.path("lines")).as("billed: the preview has nothing more this year").isEmpty();
	}

	@Test
	void aCancellationNowCreditsTheUnusedDaysOnce() {
		var account = billing.newAccount();
		var id = billing.subscribe(account, "ultimate-saas-annual", 2);
		var start = billing.today();
		run.run();
		billing.on(start.plusDays(30));
		billing.change(id, Map.of("type", "CANCEL", "when", "NOW"), 1);

		run.run();
		run.run();

		var days = ChronoUnit.DAYS.between(start.plusDays(30), start.plusMonths(12));
		var periodDays = ChronoUnit.DAYS.between(start, start.plusMonths(12));
		assertThat(lines(billing.draft(account))).containsExactly("CHARGE 2376.00",
				"CREDIT -" + prorated("2376", days, periodDays));
		billing.on(start.plusMonths(13));
		run.run();
		assertThat(billing.linesOf(id)).as("nothing after the cancellation").isEqualTo(2);
	}

	@Test
	void aFinalizedInvoiceIsNumberedHashedImmutableAndRecomputesToTheSameLinesAndHash() {
		var account = billing.newAccount();
		var id = billing.subscribe(account, "premium-saas-monthly", 3);
		run.run();
		var draft = billing.draft(account);
		var invoiceId = draft.path("id").asString();

		assertThat(billing.desk().post("/api/v1/invoices/" + invoiceId + "/finalization", "").status())
				.as("deal desk reads, finance finalizes").isEqualTo(403);
		var finalized = billing.finance().post("/api/v1/invoices/" + invoiceId + "/finalization", "");
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		var open = finalized.json();
		assertThat(open.path("status").asString()).isEqualTo("OPEN");
		assertThat(open.path("number").asString()).matches("INV-" + billing.today().getYear() + "-\\d{6}");
		assertThat(open.path("inputsHash").asString()).hasSize(64);
		assertThat(amount(open.path("total"))).isEqualTo("87.00");
		assertThat(amount(open.path("due"))).isEqualTo("87.00");

		var recomputed = invoices.recompute(InvoiceId.of(invoiceId));
		assertThat(recomputed.sameLines()).isTrue();
		assertThat(recomputed.lines()).isEqualTo(1);
		assertThat(recomputed.recomputedHash()).isEqualTo(open.path("inputsHash").asString());

		var again = billing.finance().post("/api/v1/invoices/" + invoiceId + "/finalization", "");
		ProblemAssertions.assertProblem(again, 409, "invoice-finalized");
		assertThat(again.json().path("violations").get(0).path("rule").asString()).isEqualTo("invoice.state");

		var uuid = UUID.fromString(invoiceId);
		assertThatThrownBy(() -> jdbc.sql("UPDATE invoice_line SET amount = 1 WHERE invoice_id = :id").param("id", uuid)
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("UPDATE invoice SET total = 1 WHERE id = :id").param("id", uuid).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM invoice_line WHERE invoice_id = :id").param("id", uuid).update())
				.isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO invoice_line (id, invoice_id, computation_id, position, subscription_id, subscription_number, kind,
				  charge_key, rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent, period_start,
				  period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation)
				SELECT gen_random_uuid(), invoice_id, computation_id, position + 100, subscription_id, subscription_number, kind,
				  charge_key || '|again', rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent,
				  period_start, period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation
				FROM invoice_line WHERE invoice_id = :id""").param("id", uuid).update())
				.as("no line is added to a finalized invoice").isInstanceOf(DataAccessException.class)
				.hasMessageContaining("immutable");
		assertThat(jdbc.sql("UPDATE invoice SET status = 'PAID', settled_at = now() WHERE id = :id").param("id", uuid).update())
				.as("only the status moves on").isEqualTo(1);

		// renewed for another month, the next month goes onto a new draft
		billing.change(id, Map.of("type", "RENEW"), 1);
		billing.on(billing.today().plusMonths(1));
		run.run();
		var next = billing.draft(account);
		assertThat(next.path("id").asString()).isNotEqualTo(invoiceId);
		assertThat(lines(next)).containsExactly("CHARGE 87.00");
		assertThat(billing.linesOf(id)).isEqualTo(2);
	}

	@Test
	void aRecomputationNoticesInputsThatNoLongerGiveTheLines() {
		var account = billing.newAccount();
		billing.subscribe(account, "premium-saas-annual", 3);
		run.run();
		var invoiceId = InvoiceId.of(billing.draft(account).path("id").asString());
		var before = invoices.recompute(invoiceId);
		assertThat(before.sameLines()).isTrue();
		assertThat(before.recomputedHash()).isEqualTo(before.storedHash());

		// a draft's stored inputs edited behind Baton's back: 3 seats become 4
		jdbc.sql("UPDATE invoice_computation SET inputs = replace(inputs, '\"quantity\":3', '\"quantity\":4') WHERE invoice_id = :id")
				.param("id", invoiceId.value()).update();
		var after = invoices.recompute(invoiceId);
		assertThat(after.sameLines()).isFalse();
		assertThat(after.recomputedHash()).isNotEqualTo(before.recomputedHash()).isNotEqualTo(after.storedHash());
	}

	@Test
	void theSameChargeForTheSameDaysCannotBeWrittenTwice() {
		var account = billing.newAccount();
		var id = billing.subscribe(account, "premium-saas-annual", 1);
		run.run();
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO invoice_line (id, invoice_id, computation_id, position, subscription_id, subscription_number,
				  kind, charge_key, rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent,
				  period_start, period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation)
				SELECT gen_random_uuid(), invoice_id, computation_id, position + 100, subscription_id, subscription_number,
				  kind, charge_key, rate_key, charge_type, plan_code, quantity, unit, unit_price, discount_percent,
				  period_start, period_end, service_from, service_to, source_version, order_number, price_book_version_id,
				  price_book_version_number, amount, explanation
				FROM invoice_line WHERE subscription_id = :id""").param("id", UUID.fromString(id)).update())
				.isInstanceOf(DuplicateKeyException.class).hasMessageContaining("invoice_line_once_uk");
	}

	@Test
	void creditNotesTakeOffWholeOrPartWithAReasonAndNeverMoreThanIsLeft() {
		var account = billing.newAccount();
		billing.subscribe(account, "premium-saas-annual", 2);
		run.run();
		var invoiceId = billing.draft(account).path("id").asString();
		var path = "/api/v1/invoices/" + invoiceId + "/credit-notes";

		var onDraft = billing.finance().post(path, Http.json(Map.of("amount", 10, "reason", "Goodwill")));
		ProblemAssertions.assertProblem(onDraft, 422, "billing-rule");
		assertThat(onDraft.json().path("violations").get(0).path("rule").asString()).isEqualTo("invoice.state");

		billing.finance().post("/api/v1/invoices/" + invoiceId + "/finalization", "");
		var part = billing.finance().post(path, Http.json(Map.of("amount", 100.5, "reason", "Two weeks of outage")));
		assertThat(part.status()).as(part.body()).isEqualTo(201);
		assertThat(part.json().path("number").asString()).matches("CN-\\d{4}-\\d{6}");
		assertThat(part.header("Location")).startsWith("/api/v1/invoices/" + invoiceId + "/credit-notes/");

		var tooMuch = billing.finance().post(path, Http.json(Map.of("amount", 595.51, "reason", "Everything")));
		ProblemAssertions.assertProblem(tooMuch, 422, "billing-rule");
		assertThat(tooMuch.json().path("violations").get(0).path("rule").asString()).isEqualTo("credit-note.amount");
		assertThat(tooMuch.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
		assertThat(tooMuch.json().path("detail").asString()).contains("larger than the USD 595.50 left");

		var halfCent = billing.finance().post(path, Http.json(Map.of("amount", 1.005, "reason", "Rounding")));
		ProblemAssertions.assertProblem(halfCent, 422, "billing-rule");
		assertThat(halfCent.json().path("detail").asString()).contains("whole cents");

		var noReason = billing.finance().post(path, Http.json(Map.of("amount", 1)));
		ProblemAssertions.assertProblem(noReason, 422, "billing-rule");
		assertThat(noReason.json().path("violations").get(0).path("rule").asString()).isEqualTo("credit-note.reason");
		assertThat(billing.desk().post(path, Http.json(Map.of("amount", 1, "reason", "x"))).status()).isEqualTo(403);

		var rest = billing.finance().post(path, Http.json(Map.of("amount", 595.50, "reason", "Cancelled by agreement")));
		assertThat(rest.status()).as(rest.body()).isEqualTo(201);
		var invoice = billing.finance().get("/api/v1/invoices/" + invoiceId).json();
		assertThat(amount(invoice.path("credited"))).isEqualTo("696.00");
		assertThat(amount(invoice.path("due"))).isEqualTo("0.00");
		assertThat(invoice.path("creditNotes")).hasSize(2);
	}

	@Test
	void aChannelSaleIsInvoicedToTheResellerAndNeverToItsEndCustomer() {
		var reseller = billing.newAccount();
		var endCustomer = billing.newAccount();
		var response = billing.desk().post("/api/v1/orders", Http.json(Map.of("channel", "PARTNER", "actions",
				java.util.List.of(Map.of("type", "CREATE_SUBSCRIPTION", "parties", Map.of("ownerAccountId", endCustomer,
						"invoiceOwnerAccountId", reseller), "planCode", "premium-saas-annual", "seats", 10, "currency",
						"USD")))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		var id = response.json().path("subscriptionIds").get(0).asString();
		billing.awaitHeard(id, 0);

		run.run();

		assertThat(lines(billing.draft(reseller))).containsExactly("CHARGE 3480.00");
		assertThat(billing.invoices(endCustomer)).isEmpty();
	}

	private int counter() {
		return jdbc.sql("SELECT COALESCE(SUM(last_number), 0) FROM billing_number_counter WHERE kind = 'INVOICE'")
				.query(Integer.class).single();
	}

	@Test
	void aDraftWithoutLinesIsNotFinalized() {
		var account = billing.newAccount();
		var empty = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO invoice (id, invoice_owner_account_id, currency, billing_day, status, created_at, version)
				VALUES (:id, :owner, 'EUR', CURRENT_DATE, 'DRAFT', now(), 0)""").param("id", empty)
				.param("owner", UUID.fromString(account)).update();
		var numbersBefore = counter();
		var refused = billing.finance().post("/api/v1/invoices/" + empty + "/finalization", "");
		ProblemAssertions.assertProblem(refused, 422, "billing-rule");
		assertThat(refused.json().path("violations").get(0).path("rule").asString()).isEqualTo("invoice.has-lines");
		assertThat(billing.finance().get("/api/v1/invoices/" + empty).json().path("status").asString())
				.as("nothing half-written").isEqualTo("DRAFT");
		assertThat(counter()).as("no number was taken").isEqualTo(numbersBefore);
	}

	@Test
	void badInputIsAProblemNeverAServerError() {
		ProblemAssertions.assertProblem(billing.finance().get("/api/v1/invoices/not-a-uuid"), 400, "validation-failed");
		ProblemAssertions.assertProblem(billing.finance().get("/api/v1/invoices/" + UUID.randomUUID()), 404, "not-found");
		ProblemAssertions.assertProblem(billing.finance().get("/api/v1/invoices?accountId=nope"), 400, "validation-failed");
		ProblemAssertions.assertProblem(billing.finance().post("/api/v1/invoices/" + UUID.randomUUID() + "/finalization", ""),
				404, "not-found");
		ProblemAssertions.assertProblem(billing.desk().get("/api/v1/subscriptions/" + UUID.randomUUID() + "/upcoming-invoice"),
				404, "not-found");
		assertThat(Http.to(port).as("sa").get("/api/v1/invoices?accountId=" + UUID.randomUUID()).status()).isEqualTo(403);
	}
}
