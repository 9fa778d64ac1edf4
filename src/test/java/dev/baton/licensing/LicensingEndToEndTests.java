package dev.baton.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMailUtil;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.TestMailServer;
import dev.baton.licensing.verifier.Verification;

/**
 * The whole story through HTTP, a real SMTP server (GreenMail) and the job, driven by the clock: a
 * self-managed order issues a license, mailed to the licensee; the offline verifier accepts it; a
 * signed seat report shows overage; the quarterly reconciliation notifies the customer, then
 * charges the prorated amount as an order; the owner AE sees the up-sell signal.
 */
@BatonIntegrationTest
class LicensingEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SeatReconciliations reconciliations;

	@Autowired
	dev.baton.billing.BillingRun billingRun;

	@Autowired
	dev.baton.billing.Invoices invoices;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void backToNow() {
		new LicensingFixtures(port, clock).backToNow();
	}

	private List<String> mailTo(String address) {
		var bodies = new ArrayList<String>();
		for (var message : TestMailServer.received()) {
			try {
				if (message.getAllRecipients()[0].toString().equals(address)) {
					bodies.add(message.getSubject() + "\n" + GreenMailUtil.getBody(message));
				}
			}
			catch (jakarta.mail.MessagingException e) {
				throw new AssertionError(e);
			}
		}
		return bodies;
	}

	@Test
	void selfManagedOrderToLicenseToSeatReportToReconciliationToUpsellSignal() {
		var fixtures = new LicensingFixtures(port, clock);
		var deal = fixtures.deal();
		var email = "it-admin-" + dev.baton.DealFixtures.unique() + "@customer.example";
		var licensee = fixtures.desk().put("/api/v1/licensing/accounts/" + deal.path("accountId").asString() + "/licensee",
				Http.json(Map.of("name", "Dana Fox", "email", email)));
		assertThat(licensee.status()).as(licensee.body()).isEqualTo(200);

		// a self-managed order issues a license, mailed to the licensee
		var id = fixtures.subscribe(deal, "ultimate-self-managed-annual", 10);
		var license = fixtures.licenses(id, 1).get(0);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailTo(email)).hasSize(1));
		assertThat(mailTo(email).get(0)).contains("Your license file").contains("BEGIN BATON LICENSE");

		// the verifier accepts it offline, with the published keys only
		var file = fixtures.file(license.path("id").asString());
		var verified = fixtures.verifier().verify(file, LocalDate.now(clock), 10);
		assertThat(verified.status()).as(verified.explanation()).isEqualTo(Verification.Status.VALID);
		assertThat(verified.license().licenseeEmail()).isEqualTo(email);

		// an activated instance reports 13 users against 10 seats, signed
		var instance = fixtures.activate(id);
		var start = LicensingFixtures.date(fixtures.subscription(id).path("termStart"));
		fixtures.on(start.plusDays(30));
		var report = fixtures.send(fixtures.signedReport(instance, start, start.plusDays(29), 12, 13));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		// 13 is beyond the 10% tolerance: the customer is told at once
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailTo(email))
				.anyMatch(m -> m.contains("beyond your subscription's tolerance")));

		// at the quarter's end the reconciliation notices the overage to the customer
		var q1 = start.plusMonths(3);
		fixtures.on(q1);
		// the context is shared with other tests' subscriptions: the counts are at least this one's
		assertThat(reconciliations.run().noticed()).isPositive();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailTo(email))
				.anyMatch(m -> m.contains("Seat reconciliation: 3 seats above") && m.contains("USD 2,673.00")));
		var customerView = Http.to(port).as("admin");
		assertThat(customerView.get("/api/v1/licensing/subscriptions/" + id + "/reconciliations").json().get(0)
				.path("status").asString()).isEqualTo("NOTICED");

		// and charges the prorated amount once the notice period is over: 3 x 1,188.00 x 3/4
		fixtures.on(q1.plusDays(7));
		assertThat(reconciliations.run().charged()).isPositive();
		var reconciliation = fixtures.desk().get("/api/v1/licensing/subscriptions/" + id + "/reconciliations").json().get(0);
		assertThat(reconciliation.path("status").asString()).isEqualTo("CHARGED");
		assertThat(reconciliation.path("amount").decimalValue()).isEqualByComparingTo("2673.00");
		assertThat(reconciliation.path("orderNumber").asString()).startsWith("O-");
		assertThat(fixtures.subscription(id).path("seats").asInt()).isEqualTo(13);
		reconciliations.run();
		var again = fixtures.desk().get("/api/v1/licensing/subscriptions/" + id + "/reconciliations").json();
		assertThat(again.size()).as("charged once").isEqualTo(1);
		assertThat(again.get(0).path("orderNumber").asString()).isEqualTo(reconciliation.path("orderNumber").asString());
		assertThat(fixtures.subscription(id).path("seats").asInt()).isEqualTo(13);

		// billing charges the seat change by days and a one-time line of the rest: the subscription's
		// lines are its 10 seats' year and the noticed amount, to the cent, once
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			billingRun.run();
			return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM invoice_line WHERE subscription_id = CAST(:id AS uuid)")
					.param("id", id).query(java.math.BigDecimal.class).single().compareTo(new java.math.BigDecimal("14553.00")) == 0;
		});
		var charged = jdbc.sql("SELECT invoice_id, id, amount, explanation FROM invoice_line"
				+ " WHERE subscription_id = CAST(:id AS uuid) AND charge_type = 'ONE_TIME'").param("id", id).query().listOfRows();
		assertThat(charged).hasSize(1);
		assertThat((java.math.BigDecimal) charged.get(0).get("amount")).isPositive().isLessThan(new java.math.BigDecimal("2673.00"));
		assertThat((String) charged.get(0).get("explanation")).contains("Quarterly seat reconciliation",
				"USD 2,673.00, less USD", "for the change billed by days");
		var explanation = fixtures.desk().get("/api/v1/invoices/" + charged.get(0).get("invoice_id") + "/lines/"
				+ charged.get(0).get("id") + "/explanation");
		assertThat(explanation.status()).as(explanation.body()).isEqualTo(200);
		assertThat(explanation.json().path("quantity").path("from").asString()).startsWith("one-time charge on");
		var recomputed = invoices.recompute(dev.baton.billing.InvoiceId.of((java.util.UUID) charged.get(0).get("invoice_id")));
		assertThat(recomputed.sameLines()).isTrue();
		assertThat(recomputed.recomputedHash()).isEqualTo(recomputed.storedHash());

		// the owner AE sees the up-sell signal, in the signals and the inbox
		var signals = Http.to(port).as("ae").get("/api/v1/licensing/signals").json();
		var causes = new ArrayList<String>();
		signals.forEach(s -> {
			if (s.path("subscriptionId").asString().equals(id)) {
				causes.add(s.path("cause").asString());
			}
		});
		assertThat(causes).containsExactlyInAnyOrder("OVERAGE", "OVER_TOLERANCE");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				Http.to(port).as("ae").get("/api/v1/me/notifications").body()).contains("Up-sell signal"));
	}
}
