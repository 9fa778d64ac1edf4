package dev.baton.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.RecordedEvents;
import dev.baton.SqlStatements;
import dev.baton.pipeline.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Metered usage end to end, through HTTP and the period-close job, driven by the clock: a meter
 * priced on a plan with an allowance per seat; events with a duplicate; a pack drawn down past each
 * notice (30%, 5%, 0% left) to blocked, a second pack unblocking; the month closing only after its
 * grace; the usage line on the invoice with its explanation; a late event that never changes the
 * finalized invoice and lands on the next one as an adjustment naming its month; the watermark and
 * the late count per meter.
 */
@BatonIntegrationTest
class MeteredUsageEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Pipeline pipeline;

	@Autowired
	UsagePeriods periods;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordedEvents events;

	@Autowired
	SqlStatements statements;

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	/** 500 minutes included per seat; up to 100 beyond at USD 0.10, then USD 0.05. */
	private static final Map<String, Object> PRICE = Map.of("unit", "minute", "chargeModel", "TIERED", "tiers",
			List.of(Map.of("upTo", 100, "unitPrice", "0.10"), Map.of("unitPrice", "0.05")), "includedUnits", 500,
			"includedPer", "SEAT");

	@Test
	void meteredUsageFromEventsToInvoicesWithPacksNoticesAndALateEvent() {
		var fixture = new MeteredFixture(port, clock, pipeline);
		var setup = fixture.setUp("SUM", "minutes", PRICE);
		var month = setup.month();
		var account = fixture.account();
		var subject = account.externalId();
		var subscription = fixture.subscribe(account, setup.plan(), 2);
		fixture.buyPack(subscription, setup.packPlan(), 1000, subject);

		var day = month.plus(1, ChronoUnit.DAYS);
		fixture.on(day.plus(12, ChronoUnit.HOURS));
		assertThat(fixture.send(setup, List.of(MeteredFixture.event(setup, "job-1", subject, day, 600),
				MeteredFixture.event(setup, "job-1", subject, day, 600),
				MeteredFixture.event(setup, "job-2", subject, day.plusSeconds(60), 200))))
				.containsExactly("ACCEPTED", "DUPLICATE", "ACCEPTED");
		var allowed = fixture.entitlement(setup, subject);
		assertThat(allowed.path("allowed").asBoolean()).isTrue();
		assertThat(allowed.path("remaining").decimalValue()).isEqualByComparingTo("1200");
		assertThat(allowed.path("included").decimalValue()).isEqualByComparingTo("1000");
		assertThat(allowed.path("packs").decimalValue()).isEqualByComparingTo("1000");
		assertThat(notices(subject)).isEmpty();

		// 1,500 of 2,000 used: 25% left passes the 30% notice
		fixture.send(setup, List.of(MeteredFixture.event(setup, "job-3", subject, day.plusSeconds(120), 700)));
		assertThat(fixture.entitlement(setup, subject).path("allowed").asBoolean()).isTrue();
		assertThat(notices(subject)).containsExactly(30);
		fixture.entitlement(setup, subject);
		assertThat(notices(subject)).as("each notice once a period").containsExactly(30);
		// 1,920 used: 4% left
		fixture.send(setup, List.of(MeteredFixture.event(setup, "job-4", subject, day.plusSeconds(180), 420)));
		fixture.entitlement(setup, subject);
		assertThat(notices(subject)).containsExactly(30, 5);
		// 2,020 used: nothing left, blocked
		fixture.send(setup, List.of(MeteredFixture.event(setup, "job-5", subject, day.plusSeconds(240), 100)));
		var blocked = fixture.entitlement(setup, subject);
		assertThat(blocked.path("allowed").asBoolean()).isFalse();
		assertThat(blocked.path("remaining").decimalValue()).isEqualByComparingTo("-20");
		assertThat(blocked.path("violations").get(0).path("rule").asString()).isEqualTo("usage.entitlement-exhausted");
		assertThat(blocked.path("reason").asString()).contains("Buy a pack");
		assertThat(notices(subject)).containsExactly(30, 5, 0);
		var told = thresholdEvents(subject);
		assertThat(told).extracting(UsageThresholdReached::thresholdPercent).containsExactly(30, 5, 0);
		assertThat(told.get(2).ownerId()).as("the owner AE hears of it").isNotNull();
		await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql(
				"SELECT count(*) FROM notification WHERE event_key LIKE 'usage-threshold:%' AND body LIKE :subject")
				.param("subject", "%" + subject + "%").query(Integer.class).single() == 3);

		// a second pack unblocks; it is spent too, 20 minutes beyond it
		fixture.buyPack(subscription, setup.packPlan(), 1000, subject);
		assertThat(fixture.entitlement(setup, subject).path("remaining").decimalValue()).isEqualByComparingTo("980");
		statements.start();
		fixture.entitlement(setup, subject);
		var checked = statements.stop();
		assertThat(checked).as("an entitlement check: the token, the one read").hasSizeLessThanOrEqualTo(3);
		assertThat(checked.stream().filter(sql -> sql.contains("usage_hourly")).count()).isEqualTo(1);
		fixture.send(setup, List.of(MeteredFixture.event(setup, "job-6", subject, day.plusSeconds(300), 1000)));
		assertThat(fixture.entitlement(setup, subject).path("allowed").asBoolean()).isFalse();

		// the month ends; within the grace it is not closed yet
		var next = UsagePeriods.next(month);
		fixture.on(next.plus(12, ChronoUnit.HOURS));
		periods.closeDue(setup.meter());
		assertThat(usageLines(subject)).isEmpty();
		var watermark = fixture.as("finance").get("/api/v1/usage/meters/" + setup.meter() + "/periods").json();
		assertThat(watermark.path("openPeriod").asString()).isEqualTo(month.toString());

		// after the grace it closes: 3,020 used, 1,000 included, both packs (oldest first), 20 billable
		fixture.on(next.plus(30, ChronoUnit.HOURS));
		periods.closeDue(setup.meter());
		var first = await().atMost(Duration.ofSeconds(40)).until(() -> usageLines(subject), lines -> lines.size() == 1).get(0);
		assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("2.00");
		assertThat(first.path("from").asString()).isEqualTo(month.toString().substring(0, 10));
		assertThat(first.path("explanation").asString()).contains("3,020 minutes used (6 events)", "1,000 included",
				"2,000 from packs", "20 billable: 20 x USD 0.10 (up to 100) = USD 2.00");
		assertThat(fixture.packs(subject)).extracting(p -> p.path("left").decimalValue().intValue()).containsExactly(0, 0);
		var invoice = invoiceOf(first);
		assertThat(lines(invoice, "PACK")).as("each pack charged once").hasSize(2)
				.allSatisfy(l -> assertThat(l.path("amount").decimalValue()).isEqualByComparingTo("5.00"));
		var explained = explanation(invoice, first);
		assertThat(explained.path("usage").path("used").decimalValue()).isEqualByComparingTo("3020");
		assertThat(explained.path("usage").path("events").asLong()).isEqualTo(6);
		assertThat(explained.path("usage").path("allowanceInWords").asString())
				.isEqualTo("1,000 minutes (500 per seat x 2 seats)");
		assertThat(explained.path("usage").path("fromPacks").decimalValue()).isEqualByComparingTo("2000");
		assertThat(explained.path("usage").path("tiers").get(0).path("units").decimalValue()).isEqualByComparingTo("20");
		assertThat(explained.path("usage").path("late").asBoolean()).isFalse();
		assertThat(explained.path("inputsHash").asString()).hasSize(64);

		// finance finalizes it; then an event of the closed month arrives late, and one of the new month
		var finalized = fixture.as("finance").post("/api/v1/invoices/" + invoice + "/finalization", "");
		assertThat(finalized.status()).as(finalized.body()).isEqualTo(200);
		var total = finalized.json().path("total").decimalValue();
		assertThat(fixture.send(setup, List.of(MeteredFixture.event(setup, "job-7", subject, next.minusSeconds(3600), 80),
				MeteredFixture.event(setup, "job-8", subject, next.plus(2, ChronoUnit.HOURS), 300))))
				.containsExactly("ACCEPTED", "ACCEPTED");
		assertThat(fixture.entitlement(setup, subject).path("allowed").asBoolean()).as("the month turned").isTrue();

		fixture.on(UsagePeriods.next(next).plus(30, ChronoUnit.HOURS));
		periods.closeDue(setup.meter());
		var all = await().atMost(Duration.ofSeconds(40)).until(() -> usageLines(subject), lines -> lines.size() == 3);
		var unchanged = fixture.as("finance").get("/api/v1/invoices/" + invoice).json();
		assertThat(unchanged.path("total").decimalValue()).as("a finalized invoice never changes").isEqualByComparingTo(total);
		assertThat(lines(invoice, "USAGE")).hasSize(1);
		var adjustment = all.stream().filter(l -> l.path("explanation").asString().startsWith("Adjustment")).findFirst()
				.orElseThrow();
		assertThat(invoiceOf(adjustment)).isNotEqualTo(invoice);
		assertThat(adjustment.path("from").asString()).as("it names the month it is for")
				.isEqualTo(month.toString().substring(0, 10));
		assertThat(adjustment.path("amount").decimalValue()).isEqualByComparingTo("8.00");
		assertThat(adjustment.path("explanation").asString()).contains("1 event arrived after the period closed",
				"3,100 minutes used (7 events)", "less USD 2.00 billed before = USD 8.00");
		var late = explanation(invoiceOf(adjustment), adjustment).path("usage");
		assertThat(late.path("late").asBoolean()).isTrue();
		assertThat(late.path("lateEvents").asLong()).isEqualTo(1);
		assertThat(late.path("billedBefore").decimalValue()).isEqualByComparingTo("2.00");
		var second = all.stream().filter(l -> l.path("from").asString().equals(next.toString().substring(0, 10))).findFirst()
				.orElseThrow();
		assertThat(second.path("amount").decimalValue()).as("the new month's allowance is whole again").isEqualByComparingTo("0");

		var closed = fixture.as("finance").get("/api/v1/usage/meters/" + setup.meter() + "/periods").json();
		assertThat(closed.path("closedThrough").asString()).isEqualTo(UsagePeriods.next(next).toString());
		var ofMonth = find(closed.path("periods"), p -> p.path("periodStart").asString().equals(month.toString()));
		assertThat(ofMonth.path("lateEvents").asLong()).isEqualTo(1);
		assertThat(ofMonth.path("events").asLong()).isEqualTo(7);

		// closing again, every meter as the job does, adds nothing
		periods.closeDue();
		assertThat(usageLines(subject)).hasSize(3);
	}

	private List<Integer> notices(String subject) {
		return jdbc.sql("SELECT threshold FROM usage_notice WHERE subject = :subject ORDER BY threshold DESC")
				.param("subject", subject).query(Integer.class).list();
	}

	private List<UsageThresholdReached> thresholdEvents(String subject) {
		return events.committed().stream().filter(UsageThresholdReached.class::isInstance)
				.map(UsageThresholdReached.class::cast).filter(e -> e.subject().equals(subject)).toList();
	}

	/** The usage lines of the subject's invoices, oldest first, as the invoice API shows them. */
	private List<JsonNode> usageLines(String subject) {
		var account = pipeline.accountByExternalId(subject).orElseThrow().id();
		var finance = dev.baton.Http.to(port).as("finance");
		var lines = new ArrayList<JsonNode>();
		var invoices = new ArrayList<JsonNode>();
		finance.get("/api/v1/invoices?accountId=" + account).json().forEach(invoices::add);
		java.util.Collections.reverse(invoices);
		for (var invoice : invoices) {
			var id = invoice.path("id").asString();
			for (var line : finance.get("/api/v1/invoices/" + id).json().path("lines")) {
				if (line.path("chargeType").asString().equals("USAGE")) {
					((tools.jackson.databind.node.ObjectNode) line).put("invoiceId", id);
					lines.add(line);
				}
			}
		}
		return lines;
	}

	private static String invoiceOf(JsonNode line) {
		return line.path("invoiceId").asString();
	}

	private List<JsonNode> lines(String invoice, String chargeType) {
		var lines = new ArrayList<JsonNode>();
		dev.baton.Http.to(port).as("finance").get("/api/v1/invoices/" + invoice).json().path("lines").forEach(l -> {
			if (l.path("chargeType").asString().equals(chargeType)) {
				lines.add(l);
			}
		});
		return lines;
	}

	private JsonNode explanation(String invoice, JsonNode line) {
		var response = dev.baton.Http.to(port).as("finance")
				.get("/api/v1/invoices/" + invoice + "/lines/" + line.path("id").asString() + "/explanation");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
		for (var item : array) {
			if (test.test(item)) {
				return item;
			}
		}
		throw new AssertionError("none in " + array);
	}

	@SuppressWarnings("unused")
	private static BigDecimal n(String value) {
		return new BigDecimal(value);
	}

	@SuppressWarnings("unused")
	private static UUID id(String value) {
		return UUID.fromString(value);
	}
}
