package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Dunning driven by the clock against PostgreSQL, ordering and a real SMTP server (GreenMail): an
 * unpaid invoice past its due day is reminded, its subscription suspended and, once paid, resumed;
 * a job that was down passes over the reminders it missed; a declined card on file is retried
 * and pays; two runs at once take every step once; the billing run finalizes aged drafts.
 */
@BatonIntegrationTest
class DunningTests extends BillingStory {

	@Autowired
	Dunning dunning;

	private record Billed(String account, String subscription, String invoice, LocalDate dueOn) {
	}

	private Billed billed(String contact) {
		var account = billing.newAccount();
		if (contact != null) {
			var set = billing.finance().put("/api/v1/accounts/" + account + "/billing-contact",
					Http.json(Map.of("name", "Accounts Payable", "email", contact)));
			assertThat(set.status()).as(set.body()).isEqualTo(200);
		}
		var subscription = billing.subscribe(account, "premium-saas-annual", 5);
		run.run();
		var id = billing.draft(account).path("id").asString();
		var invoice = billing.finance().post("/api/v1/invoices/" + id + "/finalization", "").json();
		return new Billed(account, subscription, id, LocalDate.parse(invoice.path("dueOn").asString()));
	}

	private JsonNode dunningOf(Billed billed) {
		return billing.finance().get("/api/v1/invoices/" + billed.invoice() + "/dunning").json();
	}

	private String status(String subscription) {
		return billing.desk().get("/api/v1/subscriptions/" + subscription).json().path("status").asString();
	}

	private static List<String> subjectsTo(String address) throws Exception {
		var subjects = new ArrayList<String>();
		for (MimeMessage message : TestMailServer.received()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				subjects.add(message.getSubject());
			}
		}
		return subjects;
	}

	/** Each attachment mailed to the address: its file name, type and first bytes. */
	private static List<String> attachmentsTo(String address) throws Exception {
		var attachments = new ArrayList<String>();
		for (MimeMessage message : TestMailServer.received()) {
			if (message.getAllRecipients()[0].toString().equals(address)
					&& message.getContent() instanceof jakarta.mail.Multipart parts) {
				for (int i = 0; i < parts.getCount(); i++) {
					var part = parts.getBodyPart(i);
					if (part.getFileName() != null) {
						var head = new String(part.getInputStream().readNBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
						attachments.add(part.getFileName() + " " + part.getContentType().split(";")[0] + " " + head);
					}
				}
			}
		}
		return attachments;
	}

	private static List<String> outcomes(JsonNode dunning) {
		var outcomes = new ArrayList<String>();
		dunning.path("steps").forEach(s -> outcomes.add(s.path("action").asString() + ": " + s.path("outcome").asString()));
		return outcomes;
	}

	@Test
	void anUnpaidInvoiceIsRemindedItsSubscriptionSuspendedAndResumedOncePaid() throws Exception {
		var ap = "ap-" + System.nanoTime() + "@customer.example";
		var billed = billed(ap);
		await().untilAsserted(() -> assertThat(subjectsTo(ap)).singleElement().asString().startsWith("Invoice INV-"));
		assertThat(attachmentsTo(ap)).as("the invoice mail carries the invoice as a PDF").singleElement().asString()
				.matches("invoice-INV-\\d{4}-\\d{6}\\.pdf application/pdf %PDF.*");

		billing.on(billed.dueOn());
		dunning.run();
		assertThat(billing.finance().get("/api/v1/invoices/" + billed.invoice() + "/dunning").status())
				.as("not late on the due day").isEqualTo(404);

		billing.on(billed.dueOn().plusDays(1));
		dunning.run();
		dunning.run();
		var started = dunningOf(billed);
		assertThat(started.path("cause").asString()).isEqualTo("PAST_DUE");
		assertThat(outcomes(started).get(0)).isEqualTo("RETRY: No card on file: the billing contact " + ap + " is reminded");
		await().untilAsserted(() -> assertThat(subjectsTo(ap)).hasSize(2).last().asString().startsWith("Reminder: invoice"));

		billing.on(billed.dueOn().plusDays(15));
		dunning.run();
		var suspended = dunningOf(billed);
		assertThat(suspended.path("suspended").asBoolean()).isTrue();
		assertThat(outcomes(suspended)).element(4).asString().startsWith("SUSPEND: 1 subscription(s) suspended");
		assertThat(outcomes(suspended)).element(3).asString().isEqualTo("NOTICE: Passed over: a later step was due as well");
		await().untilAsserted(() -> assertThat(status(billed.subscription())).isEqualTo("SUSPENDED"));
		await().untilAsserted(() -> assertThat(subjectsTo(ap)).last().asString().startsWith("Subscriptions suspended"));

		var paid = billing.finance().post("/api/v1/invoices/" + billed.invoice() + "/payments",
				Http.json(Map.of("method", "WIRE", "amount", 1740, "currency", "USD", "reference", "LATE")));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		await().untilAsserted(() -> assertThat(status(billed.subscription())).isEqualTo("ACTIVE"));
		var ended = dunningOf(billed);
		assertThat(ended.path("endedWhy").asString()).isEqualTo("PAID");
		await().untilAsserted(() -> assertThat(subjectsTo(ap)).anySatisfy(s -> assertThat(s).startsWith("Receipt"))
				.anySatisfy(s -> assertThat(s).startsWith("Subscriptions resumed")));

		billing.on(billed.dueOn().plusDays(40));
		dunning.run();
		assertThat(status(billed.subscription())).as("ended: no cancellation after payment").isEqualTo("ACTIVE");
		var mails = subjectsTo(ap).size();
		dunning.run();
		Thread.sleep(300);
		assertThat(subjectsTo(ap)).as("nobody mailed twice").hasSize(mails);
	}

	@Test
	void aJobThatWasDownPassesOverTheRemindersAndCancelsWhenTheLastDayPassed() {
		var billed = billed(null);
		billing.on(billed.dueOn().plusDays(1));
		dunning.run();
		billing.on(billed.dueOn().plusDays(31));
		dunning.run();
		var state = dunningOf(billed);
		assertThat(outcomes(state)).filteredOn(o -> o.contains("Passed over")).as("retries, notice and suspension")
				.hasSize(4);
		assertThat(outcomes(state)).last().asString().startsWith("CANCEL: 1 subscription(s) cancelled");
		assertThat(state.path("endedWhy").asString()).isEqualTo("CANCELLED");
		await().untilAsserted(() -> assertThat(status(billed.subscription())).isEqualTo("CANCELLED"));
		assertThat(billing.finance().get("/api/v1/invoices/" + billed.invoice()).json().path("status").asString())
				.as("still owed").isEqualTo("OPEN");
	}

	@Test
	void aDeclinedCardOnFileStartsDunningAndARetryWithANewCardPays() {
		var account = billing.newAccount();
		billing.finance().put("/api/v1/accounts/" + account + "/card", Http.json(Map.of("card", "4000000000000002")));
		billing.subscribe(account, "premium-saas-annual", 5);
		run.run();
		var id = billing.draft(account).path("id").asString();
		billing.finance().post("/api/v1/invoices/" + id + "/finalization", "");
		var billed = new Billed(account, null, id, null);
		await().untilAsserted(() -> assertThat(billing.finance().get("/api/v1/invoices/" + id + "/dunning").status())
				.isEqualTo(200));
		assertThat(dunningOf(billed).path("cause").asString()).isEqualTo("PAYMENT_FAILED");

		billing.finance().put("/api/v1/accounts/" + account + "/card", Http.json(Map.of("card", "4242424242424242")));
		billing.on(billing.today().plusDays(3));
		dunning.run();
		assertThat(outcomes(dunningOf(billed))).element(1).asString().isEqualTo("RETRY: Paid by the card on file");
		assertThat(billing.finance().get("/api/v1/invoices/" + id).json().path("status").asString()).isEqualTo("PAID");
		assertThat(dunningOf(billed).path("endedWhy").asString()).isEqualTo("PAID");
	}

	@Test
	void twoRunsAtOnceTakeEachStepOnce() throws Exception {
		var billed = billed(null);
		billing.on(billed.dueOn().plusDays(1));
		dunning.run();
		billing.on(billed.dueOn().plusDays(9));
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = new ArrayList<Future<Dunning.Run>>();
			for (int i = 0; i < 2; i++) {
				Callable<Dunning.Run> each = dunning::run;
				runs.add(pool.submit(each));
			}
			for (var each : runs) {
				assertThat(each.get().failed()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
		var steps = jdbc.sql("SELECT count(*) FROM dunning_step WHERE invoice_id = :id AND taken_at IS NOT NULL")
				.param("id", java.util.UUID.fromString(billed.invoice())).query(Integer.class).single();
		assertThat(steps).as("day 0 retried, day 3 passed over, day 7 retried, nothing later yet").isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM dunning_step WHERE invoice_id = :id")
				.param("id", java.util.UUID.fromString(billed.invoice())).query(Integer.class).single()).isEqualTo(6);
	}

	@Test
	void theBillingRunFinalizesADraftOnceItIsOlderThanTheSetting() {
		// the shared test context leaves auto-finalize-after unset (other tests keep drafts for months);
		// this is what the run does with it set to 40 days
		var setting = Duration.ofDays(40);
		var account = billing.newAccount();
		billing.subscribe(account, "premium-saas-annual", 2);
		run.run();
		var id = billing.draft(account).path("id").asString();
		assertThat(run.run().finalized()).as("unset, the run finalizes nothing").isZero();

		billing.on(billing.today().plusDays(39));
		run.run();
		run.finalizeDraftsOlderThan(setting);
		assertThat(billing.finance().get("/api/v1/invoices/" + id).json().path("status").asString())
				.as("not old enough yet").isEqualTo("DRAFT");

		billing.on(billing.today().plusDays(2));
		assertThat(run.finalizeDraftsOlderThan(setting)).isGreaterThanOrEqualTo(1);
		var invoice = billing.finance().get("/api/v1/invoices/" + id).json();
		assertThat(invoice.path("status").asString()).isEqualTo("OPEN");
		assertThat(invoice.path("number").asString()).startsWith("INV-");
		assertThat(invoice.path("dueOn").asString()).isEqualTo(billing.today().plusDays(30).toString());
	}
}
