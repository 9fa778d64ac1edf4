package dev.baton.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.ordering.Renewals;
import dev.baton.platform.BatonException;
import dev.baton.subscription.SubscriptionId;

/**
 * Quarterly seat reconciliation and the annual true-up, told by moving the clock: the overage
 * above the seats paid is noticed at the quarter's end, charged for the quarters left no sooner
 * than the notice period after, once however often and wherever the job runs; a quarter without
 * overage is recorded as such; a report that arrives late counts at the next quarter.
 */
@BatonIntegrationTest
class SeatReconciliationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SeatReconciliations reconciliations;

	@Autowired
	Renewals renewals;

	@Autowired
	dev.baton.ordering.Orders orders;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	LicensingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new LicensingFixtures(port, clock);
	}

	@AfterEach
	void backToNow() {
		fixtures.backToNow();
	}

	private record Story(String id, LocalDate start, LicensingFixtures.Instance instance) {
	}

	private Story story(String plan, int seats) {
		var id = fixtures.subscribe(fixtures.deal(), plan, seats);
		fixtures.licenses(id, 1);
		var instance = fixtures.activate(id);
		return new Story(id, LicensingFixtures.date(fixtures.subscription(id).path("termStart")), instance);
	}

	private void report(Story story, LocalDate from, LocalDate to, int max) {
		var response = fixtures.send(fixtures.signedReport(story.instance(), from, to, max, max));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private List<Reconciliation> reconcile(Story story) {
		return reconciliations.reconcile(SubscriptionId.of(story.id()));
	}

	@Test
	void aChargeThatStoppedAfterItsOrderIsChargedNotTakenForSeatsBoughtMeanwhile() {
		var story = story("ultimate-self-managed-annual", 10);
		var q1 = story.start().plusMonths(3);
		fixtures.on(story.start().plusDays(40));
		report(story, story.start(), story.start().plusDays(39), 12);
		fixtures.on(q1);
		var quarter = reconcile(story).get(0);
		fixtures.on(q1.plusDays(7));
		// a run placed the order and stopped (killed) before charging: the seats are already 12
		orders.place(new dev.baton.ordering.Orders.PlaceOrder(dev.baton.ordering.Channel.SALES, null,
				List.of(new dev.baton.subscription.SubscriptionChange.ChangeSeats(SubscriptionId.of(story.id()), 12)),
				"Quarterly seat reconciliation", SeatReconciliations.SYSTEM, "seat-reconciliation:" + quarter.id()));
		assertThat(fixtures.subscription(story.id()).path("seats").asInt()).isEqualTo(12);

		assertThat(reconciliations.charge(quarter)).isTrue();
		var charged = reconciliations.of(SubscriptionId.of(story.id())).get(0);
		assertThat(charged.status()).as("its own order, not seats the customer bought").isEqualTo(Reconciliation.Status.CHARGED);
		assertThat(jdbc.sql("SELECT count(*) FROM invoice_line WHERE subscription_id = CAST(:id AS uuid)"
				+ " AND charge_type = 'ONE_TIME'").param("id", story.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(reconciliations.charge(quarter)).as("charged once").isFalse();
	}

	@Test
	void noticesTheQuartersOverageThenChargesItProratedAfterTheNoticePeriod() {
		var story = story("ultimate-self-managed-annual", 10);
		var q1 = story.start().plusMonths(3);
		fixtures.on(story.start().plusDays(40));
		report(story, story.start(), story.start().plusDays(39), 14);

		fixtures.on(q1.minusDays(1));
		assertThat(reconcile(story)).as("the quarter has not ended").isEmpty();
		fixtures.on(q1);
		var made = reconcile(story);

		assertThat(made).hasSize(1);
		var quarter = made.get(0);
		assertThat(quarter.kind()).isEqualTo(Reconciliation.Kind.QUARTERLY);
		assertThat(quarter.status()).isEqualTo(Reconciliation.Status.NOTICED);
		assertThat(quarter.quarter()).isEqualTo(1);
		assertThat(quarter.quartersLeft()).isEqualTo(3);
		assertThat(quarter.seatsPaid()).isEqualTo(10);
		assertThat(quarter.maxBillableUsers()).isEqualTo(14);
		assertThat(quarter.overage()).isEqualTo(4);
		assertThat(quarter.reportIds()).hasSize(1);
		assertThat(quarter.amount()).as("4 x 1,188.00 x 3/4").isEqualByComparingTo("3564.00");
		assertThat(reconcile(story)).as("once per quarter").isEmpty();

		fixtures.on(q1.plusDays(6));
		assertThatThrownBy(() -> reconciliations.charge(quarter)).isInstanceOfSatisfying(BatonException.class,
				e -> assertThat(e.getMessage()).contains("not before"));
		assertThat(fixtures.subscription(story.id()).path("seats").asInt()).isEqualTo(10);

		fixtures.on(q1.plusDays(7));
		assertThat(reconciliations.charge(quarter)).isTrue();

		assertThat(fixtures.subscription(story.id()).path("seats").asInt()).as("the seats paid rise").isEqualTo(14);
		var charged = reconciliations.of(SubscriptionId.of(story.id())).get(0);
		assertThat(charged.status()).isEqualTo(Reconciliation.Status.CHARGED);
		assertThat(charged.orderNumber()).startsWith("O-");
		var order = fixtures.desk().get("/api/v1/orders/" + charged.orderId()).json();
		assertThat(order.path("actions").get(0).path("type").asString()).isEqualTo("CHANGE_SEATS");
		assertThat(order.path("reason").asString()).contains("Quarterly seat reconciliation").contains("3,564.00");
		assertThat(fixtures.licenses(story.id(), 4).get(0).path("seats").asInt()).as("a new license, offline and online")
				.isEqualTo(14);

		fixtures.on(story.start().plusMonths(6));
		var second = reconcile(story);
		assertThat(second).hasSize(1);
		assertThat(second.get(0).status()).as("14 users, 14 seats paid").isEqualTo(Reconciliation.Status.NO_OVERAGE);
		assertThat(second.get(0).seatsPaid()).isEqualTo(14);
	}

	@Test
	void recordsAQuarterWithoutOverageAndCountsALateReportAtTheNextQuarter() {
		var story = story("ultimate-self-managed-annual", 10);
		var q1 = story.start().plusMonths(3);

		fixtures.on(q1);
		var first = reconcile(story);
		assertThat(first).hasSize(1);
		assertThat(first.get(0).status()).isEqualTo(Reconciliation.Status.NO_OVERAGE);
		assertThat(first.get(0).amount()).isEqualByComparingTo("0");
		assertThat(first.get(0).reportIds()).isEmpty();

		// the first quarter's report arrives ten days after that quarter was reconciled
		fixtures.on(q1.plusDays(10));
		report(story, story.start().plusDays(60), q1.minusDays(1), 13);
		fixtures.on(story.start().plusMonths(6));
		var second = reconcile(story);

		assertThat(second).hasSize(1);
		assertThat(second.get(0).quarter()).isEqualTo(2);
		assertThat(second.get(0).overage()).isEqualTo(3);
		assertThat(second.get(0).quartersLeft()).isEqualTo(2);
		assertThat(second.get(0).amount()).as("3 x 1,188.00 x 2/4").isEqualByComparingTo("1782.00");
	}

	@Test
	void truesUpAPlanWithoutQuarterlyReconciliationAtTheTermsEndAtTheFullAnnualPrice() {
		var story = story("premium-self-managed-annual", 10);
		var termEnd = LicensingFixtures.date(fixtures.subscription(story.id()).path("termEnd"));
		fixtures.on(story.start().plusMonths(5));
		report(story, story.start().plusMonths(4), story.start().plusMonths(5).minusDays(1), 12);

		fixtures.on(termEnd.minusDays(1));
		assertThat(reconcile(story)).as("no quarterly reconciliation on this plan").isEmpty();
		fixtures.on(termEnd);
		var made = reconcile(story);

		assertThat(made).hasSize(1);
		assertThat(made.get(0).kind()).isEqualTo(Reconciliation.Kind.TRUE_UP);
		assertThat(made.get(0).overage()).isEqualTo(2);
		assertThat(made.get(0).amount()).as("2 x 348.00").isEqualByComparingTo("696.00");
		assertThat(made.get(0).status()).isEqualTo(Reconciliation.Status.NOTICED);

		// the customer buys the seats for the new term meanwhile: no order is needed, the past term is still owed
		orders.place(new dev.baton.ordering.Orders.PlaceOrder(dev.baton.ordering.Channel.SALES, null,
				List.of(new dev.baton.subscription.SubscriptionChange.ChangeSeats(SubscriptionId.of(story.id()), 12)),
				"Seats for the new term", "deal-desk", null));
		fixtures.on(termEnd.plusDays(7));
		assertThat(reconciliations.charge(made.get(0))).isTrue();
		assertThat(reconciliations.of(SubscriptionId.of(story.id())).get(0).status())
				.isEqualTo(Reconciliation.Status.SETTLED);
		assertThat(jdbc.sql("SELECT amount FROM invoice_line WHERE subscription_id = CAST(:id AS uuid)"
				+ " AND charge_type = 'ONE_TIME'").param("id", story.id()).query(java.math.BigDecimal.class).single())
				.as("the past term's overage").isEqualByComparingTo("696.00");
	}

	@Test
	void theLastQuartersOverageChargesNothingOfTheTermAndRaisesTheRenewedTermsSeats() {
		var story = story("ultimate-self-managed-annual", 10);
		var termEnd = LicensingFixtures.date(fixtures.subscription(story.id()).path("termEnd"));
		var q3 = story.start().plusMonths(9);
		fixtures.on(q3.plusDays(30));
		report(story, q3, q3.plusDays(29), 13);
		fixtures.on(termEnd.minusDays(20));
		renewals.run();

		fixtures.on(termEnd.minusDays(1));
		assertThat(reconcile(story)).extracting(Reconciliation::kind).as("the three quarters before the last")
				.containsExactly(Reconciliation.Kind.QUARTERLY, Reconciliation.Kind.QUARTERLY, Reconciliation.Kind.QUARTERLY);
		fixtures.on(termEnd);
		var made = reconcile(story);

		assertThat(made).hasSize(1);
		var last = made.get(0);
		assertThat(last.kind()).isEqualTo(Reconciliation.Kind.TRUE_UP);
		assertThat(last.quartersLeft()).isZero();
		assertThat(last.overage()).isEqualTo(3);
		assertThat(last.amount()).as("no quarter of the term is left to charge").isEqualByComparingTo("0");
		assertThat(last.status()).isEqualTo(Reconciliation.Status.NOTICED);
		assertThat(reconcile(story)).as("once").isEmpty();

		fixtures.on(termEnd.plusDays(7));
		assertThat(reconciliations.charge(last)).isTrue();
		var renewed = fixtures.subscription(story.id());
		assertThat(renewed.path("termStart").asString()).as("the renewed term").isEqualTo(termEnd.toString());
		assertThat(renewed.path("seats").asInt()).isEqualTo(13);
		var order = fixtures.desk().get("/api/v1/orders/" + reconciliations.of(SubscriptionId.of(story.id())).stream()
				.filter(r -> r.kind() == Reconciliation.Kind.TRUE_UP).findFirst().orElseThrow().orderId()).json();
		assertThat(order.path("reason").asString()).contains("Seats of the renewed term");
	}

	@Test
	void reconcilesAndChargesOnceWhenRunAtTheSameMomentOnSeveralInstances() throws Exception {
		var story = story("ultimate-self-managed-annual", 10);
		var q1 = story.start().plusMonths(3);
		fixtures.on(story.start().plusDays(20));
		report(story, story.start(), story.start().plusDays(19), 12);
		fixtures.on(q1);

		var made = new ArrayList<Reconciliation>();
		var pool = Executors.newFixedThreadPool(3);
		try {
			var runs = new ArrayList<Future<List<Reconciliation>>>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit((Callable<List<Reconciliation>>) () -> reconcile(story)));
			}
			for (var run : runs) {
				made.addAll(run.get());
			}
			assertThat(made).hasSize(1);
			fixtures.on(q1.plusDays(7));
			var charges = new ArrayList<Future<Boolean>>();
			for (int i = 0; i < 3; i++) {
				charges.add(pool.submit(() -> {
					try {
						return reconciliations.charge(made.get(0));
					}
					catch (BatonException concurrently) {
						// the subscription changed under this attempt: the winner's order stands
						return false;
					}
				}));
			}
			var charged = 0;
			for (var charge : charges) {
				charged += charge.get() ? 1 : 0;
			}
			assertThat(charged).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		var orders = fixtures.desk().get("/api/v1/orders?subscriptionId=" + story.id()).json();
		var changes = 0;
		for (var order : orders) {
			changes += order.path("actions").get(0).path("type").asString().equals("CHANGE_SEATS") ? 1 : 0;
		}
		assertThat(changes).isEqualTo(1);
		assertThat(fixtures.subscription(story.id()).path("seats").asInt()).isEqualTo(12);
		assertThat(reconciliations.of(SubscriptionId.of(story.id()))).singleElement()
				.extracting(Reconciliation::status).isEqualTo(Reconciliation.Status.CHARGED);
	}
}
