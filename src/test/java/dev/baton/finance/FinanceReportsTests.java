package dev.baton.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonIntegrationTest;
import dev.baton.MutableClock;
import dev.baton.ProblemAssertions;
import dev.baton.billing.BillingRun;
import dev.baton.ordering.Renewals;
import dev.baton.pipeline.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * Every finance figure on a fixture of orders, invoices, payments, credit notes and a void with known
 * answers ({@link FinanceFixture}), each row's drill-down adding up to it, and the figures computed
 * a second way from billing's and ordering's own records (invoices, lines, credit notes, payments,
 * subscription versions, list prices), matching to the cent.
 */
@BatonIntegrationTest
class FinanceReportsTests {

	private static FinanceFixture fixture;

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Pipeline pipeline;

	@Autowired
	BillingRun billing;

	@Autowired
	Renewals renewals;

	@Autowired
	dev.baton.SqlStatements statements;

	@Autowired
	FinanceLedger ledger;

	@BeforeEach
	void fixture() {
		synchronized (FinanceReportsTests.class) {
			if (fixture == null) {
				try {
					fixture = new FinanceFixture(port, clock, jdbc, pipeline, billing, renewals);
				}
				finally {
					clock.set(Instant.now());
				}
			}
		}
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private JsonNode report(String report, String parameters) {
		var response = fixture.finance().get("/api/v1/finance/" + report + "?" + parameters + "&" + fixture.accountParameters());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** key -> figure -> amount, for USD rows. */
	private static Map<String, Map<String, String>> rows(JsonNode table, String part) {
		var rows = new TreeMap<String, Map<String, String>>();
		for (var row : table.path(part)) {
			assertThat(row.path("currency").asString()).isEqualTo("USD");
			var figures = new TreeMap<String, String>();
			row.path("figures").properties().forEach(e -> figures.put(e.getKey(),
					e.getValue().decimalValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
			figures.put("count", String.valueOf(row.path("count").asLong()));
			rows.put(row.path("key").asString(), figures);
		}
		return rows;
	}

	private String month(LocalDate day) {
		return YearMonth.from(day).toString();
	}

	private JsonNode items(String report, String parameters) {
		var response = fixture.finance().get("/api/v1/finance/" + report + "/items?currency=USD&" + parameters + "&"
				+ fixture.accountParameters());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static BigDecimal itemSum(JsonNode items) {
		var sum = BigDecimal.ZERO;
		for (var item : items.path("items")) {
			sum = sum.add(item.path("amount").decimalValue());
		}
		return sum;
	}

	@Test
	void aVoidIsDatedByTheDayBillingVoidedItAlsoWhenTheLedgerIsBuiltAgainLater() {
		var voided = UUID.fromString(fixture.invoices.get("C1"));
		jdbc.sql("UPDATE finance_invoice SET settled_on = NULL WHERE invoice_id = :id").param("id", voided).update();
		clock.set(fixture.m0.plusDays(60).atTime(9, 0).toInstant(ZoneOffset.UTC));
		ledger.refresh(dev.baton.billing.InvoiceId.of(voided));
		assertThat(jdbc.sql("SELECT settled_on FROM finance_invoice WHERE invoice_id = :id").param("id", voided)
				.query(LocalDate.class).single()).isEqualTo(fixture.m0.plusDays(2));
	}

	@Test
	void arrAndMrrByProductSegmentChannelAndRegionOnADay() {
		var m0 = "asOf=" + fixture.m0;
		assertThat(rows(report("arr", m0 + "&by=product"), "rows")).isEqualTo(Map.of(
				"ai-assistant", Map.of("arr", "1140.00", "mrr", "95.00", "count", "1"),
				"premium-saas", Map.of("arr", "5568.00", "mrr", "464.00", "count", "3")));
		assertThat(rows(report("arr", m0 + "&by=segment"), "rows")).isEqualTo(Map.of(
				"MM_FIRST_ORDER", Map.of("arr", "2880.00", "mrr", "240.00", "count", "1"),
				"NONE", Map.of("arr", "3828.00", "mrr", "319.00", "count", "2")));
		assertThat(rows(report("arr", m0 + "&by=channel"), "rows")).isEqualTo(Map.of(
				"SALES", Map.of("arr", "2880.00", "mrr", "240.00", "count", "1"),
				"WEB", Map.of("arr", "3828.00", "mrr", "319.00", "count", "2")));
		var byRegion = report("arr", m0 + "&by=region");
		assertThat(rows(byRegion, "rows")).isEqualTo(Map.of(
				"AMER", Map.of("arr", "2880.00", "mrr", "240.00", "count", "1"),
				"APAC", Map.of("arr", "348.00", "mrr", "29.00", "count", "1"),
				"EMEA", Map.of("arr", "3480.00", "mrr", "290.00", "count", "1")));
		assertThat(rows(byRegion, "totals")).isEqualTo(Map.of("all", Map.of("arr", "6708.00", "mrr", "559.00", "count", "3")));
		// Beta's 12 seats from m1; Gamma cancelled on m1+5, so not in ARR that day
		assertThat(rows(report("arr", "asOf=" + fixture.m1 + "&by=product"), "totals").get("all").get("arr"))
				.isEqualTo("7404.00");
		assertThat(rows(report("arr", "asOf=" + fixture.m1.plusDays(5) + "&by=channel"), "rows")).isEqualTo(Map.of(
				"SALES", Map.of("arr", "2880.00", "mrr", "240.00", "count", "1"),
				"WEB", Map.of("arr", "4176.00", "mrr", "348.00", "count", "1")));
		assertThat(report("arr", "asOf=" + fixture.m0.minusDays(1)).path("rows")).isEmpty();

		var drill = items("arr", m0 + "&by=segment&key=NONE");
		assertThat(drill.path("total").decimalValue()).isEqualByComparingTo("3828.00");
		assertThat(itemSum(drill)).isEqualByComparingTo("3828.00");
		assertThat(drill.path("items")).hasSize(2).allSatisfy(i -> assertThat(i.path("orderNumber").asString()).startsWith("O-"));
	}

	@Test
	void bookingsAreWhatEachOrderAddedOrTookAwayAndAddUpToTheArrMovement() {
		var span = "from=" + fixture.m0 + "&to=" + fixture.m1.plusDays(6);
		assertThat(rows(report("bookings", span + "&by=channel"), "rows")).isEqualTo(Map.of(
				"SALES", Map.of("new_arr", "2880.00", "expansion", "0.00", "contraction", "0.00", "churn", "0.00",
						"renewal_change", "0.00", "net_new", "2880.00", "renewed", "0.00", "count", "1"),
				"WEB", Map.of("new_arr", "3828.00", "expansion", "696.00", "contraction", "0.00", "churn", "-348.00",
						"renewal_change", "0.00", "net_new", "4176.00", "renewed", "3828.00", "count", "6")));
		var byProduct = report("bookings", span + "&by=product");
		assertThat(rows(byProduct, "rows").get("ai-assistant").get("net_new")).isEqualTo("1140.00");
		assertThat(rows(byProduct, "rows").get("premium-saas").get("net_new")).isEqualTo("5916.00");
		var netNew = rows(byProduct, "totals").get("all").get("net_new");
		assertThat(netNew).isEqualTo("7056.00");
		// by construction: what was booked from before m0 moved ARR from nothing to what it is on m1+5
		var arrThen = rows(report("arr", "asOf=" + fixture.m1.plusDays(5)), "totals").get("all").get("arr");
		assertThat(arrThen).isEqualTo(netNew);

		var churn = items("bookings", span + "&by=channel&key=WEB");
		assertThat(itemSum(churn)).isEqualByComparingTo("4176.00");
		assertThat(churn.path("items")).anySatisfy(i -> assertThat(i.path("description").asString()).startsWith("CHURN: CANCEL"));
	}

	@Test
	void billingsCollectionsAndArAgingWithKnownAnswers() {
		var months = "from=" + month(fixture.m0) + "&to=" + month(fixture.m1.plusMonths(1));
		var billings = report("billings", months);
		assertThat(rows(billings, "rows")).isEqualTo(Map.of(
				month(fixture.m0), Map.of("invoiced", "3199.00", "credited", "240.00", "voided", "29.00", "net", "2930.00",
						"count", "3"),
				month(fixture.m1), Map.of("invoiced", "377.00", "credited", "0.00", "voided", "0.00", "net", "377.00",
						"count", "2")));
		assertThat(rows(billings, "totals").get("total").get("net")).isEqualTo("3307.00");
		var billed = items("billings", months + "&key=" + month(fixture.m0));
		assertThat(itemSum(billed)).isEqualByComparingTo("2930.00");
		assertThat(billed.path("items")).extracting(i -> i.path("kind").asString())
				.containsExactlyInAnyOrder("INVOICE", "INVOICE", "INVOICE", "VOID", "CREDIT_NOTE");

		var collections = report("collections", months);
		assertThat(rows(collections, "rows")).isEqualTo(Map.of(month(fixture.m0),
				Map.of("received", "1290.00", "refunded", "0.00", "net", "1290.00", "count", "2")));
		assertThat(itemSum(items("collections", months + "&key=" + month(fixture.m0)))).isEqualByComparingTo("1290.00");

		var late = report("ar-aging", "asOf=" + fixture.m0.plusDays(70));
		assertThat(rows(late, "rows")).isEqualTo(Map.of("all", Map.of("current", "0.00", "days_1_30", "377.00",
				"days_31_60", "1640.00", "days_61_90", "0.00", "over_90", "0.00", "total", "2017.00", "count", "3")));
		// by construction: what was billed less what was collected is what is owed
		assertThat(new BigDecimal("3307.00").subtract(new BigDecimal("1290.00"))).isEqualByComparingTo("2017.00");
		var overdue = items("ar-aging", "asOf=" + fixture.m0.plusDays(70) + "&key=31-60");
		assertThat(overdue.path("items")).hasSize(1);
		assertThat(overdue.path("items").get(0).path("id").asString()).isEqualTo(fixture.invoices.get("A1"));
		assertThat(itemSum(items("ar-aging", "asOf=" + fixture.m0.plusDays(70) + "&key=1-30"))).isEqualByComparingTo("377.00");
		// before A1 is due only it is owed, and not yet late; B1 was paid, C1 voided
		assertThat(rows(report("ar-aging", "asOf=" + fixture.m0.plusDays(20)), "rows").get("all"))
				.containsEntry("current", "1640.00").containsEntry("total", "1640.00").containsEntry("count", "1");
	}

	@Test
	void theDeferredRevenueScheduleRecognizesRatablyReversesCreditsAndVoidsAndAddsUp() {
		var months = "from=" + month(fixture.m0) + "&to=" + month(fixture.m0.plusMonths(13));
		var schedule = report("deferred-revenue", months);
		var rows = rows(schedule, "rows");
		assertThat(rows).hasSize(13);
		var first = rows.get(month(fixture.m0));
		assertThat(first).containsEntry("invoiced", "3199.00").containsEntry("reversed", "269.00");
		assertThat(rows.get(month(fixture.m1))).containsEntry("invoiced", "377.00").containsEntry("reversed", "0.00");
		// everything billed (3,307.00 net) is recognized by the end of A1's year, and nothing is deferred after it
		var totals = rows(schedule, "totals").get("total");
		assertThat(totals).containsEntry("recognized", "3307.00").containsEntry("deferred", "0.00");
		// the monthly plans are recognized in their month, whatever its length: B1 290.00, B2 348.00, C2 29.00, C1 and its void 0
		var alphaFirst = recognizedOf(fixture.invoices.get("A1"), fixture.m0);
		assertThat(new BigDecimal(first.get("recognized"))).isEqualByComparingTo(alphaFirst.add(new BigDecimal("290.00")));
		var recognized = items("deferred-revenue", months + "&key=" + month(fixture.m0));
		assertThat(itemSum(recognized)).isEqualByComparingTo(first.get("recognized"));
		assertThat(recognized.path("items")).extracting(i -> i.path("kind").asString())
				.contains("INVOICE", "CREDIT_NOTE", "VOID");
	}

	private BigDecimal recognizedOf(String invoice, LocalDate month) {
		return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM finance_revenue WHERE invoice_id = :id AND month = :month")
				.param("id", UUID.fromString(invoice)).param("month", Date.valueOf(month)).query(BigDecimal.class).single();
	}

	@Test
	void everyFigureComputedAgainFromTheRawInvoicesOrdersAndPricesMatchesToTheCent() {
		var accounts = fixture.accounts();
		// billings and collections from billing's invoices, credit notes, voids (the audit trail's day) and payments
		var billed = new TreeMap<String, BigDecimal>();
		jdbc.sql("SELECT issued_on, total FROM invoice WHERE invoice_owner_account_id IN (:a) AND status <> 'DRAFT'")
				.param("a", accounts).query((rs, n) -> billed.merge(month(rs.getObject(1, LocalDate.class)),
						rs.getBigDecimal(2), BigDecimal::add)).list();
		jdbc.sql("""
				SELECT c.created_at, c.amount FROM credit_note c JOIN invoice i ON i.id = c.invoice_id
				WHERE i.invoice_owner_account_id IN (:a)""").param("a", accounts)
				.query((rs, n) -> billed.merge(month(rs.getTimestamp(1).toInstant().atZone(java.time.ZoneOffset.UTC)
						.toLocalDate()), rs.getBigDecimal(2).negate(), BigDecimal::add)).list();
		var voids = voids(accounts);
		voids.forEach((invoice, day) -> billed.merge(month(day), jdbc.sql("""
				SELECT i.total - coalesce((SELECT sum(amount) FROM credit_note WHERE invoice_id = i.id), 0) FROM invoice i
				WHERE i.id = :id""").param("id", invoice).query(BigDecimal.class).single().negate(), BigDecimal::add));
		var months = "from=" + month(fixture.m0) + "&to=" + month(fixture.m1.plusMonths(1));
		var reported = rows(report("billings", months), "rows");
		billed.forEach((month, net) -> assertThat(new BigDecimal(reported.get(month).get("net"))).as("billings " + month)
				.isEqualByComparingTo(net));
		var collected = jdbc.sql("""
				SELECT coalesce(sum(amount), 0) FROM payment WHERE account_id IN (:a) AND status = 'SUCCEEDED'
				  AND method IN ('CARD', 'WIRE')""").param("a", accounts).query(BigDecimal.class).single();
		assertThat(new BigDecimal(rows(report("collections", months), "totals").get("total").get("net")))
				.isEqualByComparingTo(collected);

		// AR aging from the invoices, credit notes and payments known on the day
		for (var day : List.of(fixture.m0.plusDays(20), fixture.m0.plusDays(70))) {
			var raw = new TreeMap<String, BigDecimal>();
			jdbc.sql("""
					SELECT i.id, i.total, i.due_on,
					  coalesce((SELECT sum(c.amount) FROM credit_note c WHERE c.invoice_id = i.id AND CAST(c.created_at AS DATE) <= :d), 0),
					  coalesce((SELECT sum(p.applied) FROM payment p WHERE p.invoice_id = i.id AND p.status = 'SUCCEEDED'
					            AND p.received_on <= :d), 0)
					FROM invoice i WHERE i.invoice_owner_account_id IN (:a) AND i.status <> 'DRAFT' AND i.issued_on <= :d""")
					.param("a", accounts).param("d", Date.valueOf(day)).query((rs, n) -> {
						var id = rs.getObject(1, UUID.class);
						if (voids.containsKey(id) && !voids.get(id).isAfter(day)) {
							return null;
						}
						var owed = rs.getBigDecimal(2).subtract(rs.getBigDecimal(4)).subtract(rs.getBigDecimal(5));
						if (owed.signum() != 0) {
							var late = ChronoUnit.DAYS.between(rs.getObject(3, LocalDate.class), day);
							raw.merge(late <= 0 ? "current" : late <= 30 ? "days_1_30" : late <= 60 ? "days_31_60"
									: late <= 90 ? "days_61_90" : "over_90", owed, BigDecimal::add);
						}
						return null;
					}).list();
			var aging = rows(report("ar-aging", "asOf=" + day), "rows").get("all");
			raw.forEach((bucket, owed) -> assertThat(new BigDecimal(aging.get(bucket))).as(bucket + " on " + day)
					.isEqualByComparingTo(owed));
			assertThat(new BigDecimal(aging.get("total"))).isEqualByComparingTo(raw.values().stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add));
		}

		// the deferred revenue schedule from billing's lines, each credit note shared over them, and the void
		var recognized = rawRecognition(accounts, voids);
		var schedule = rows(report("deferred-revenue", "from=" + month(fixture.m0) + "&to="
				+ month(fixture.m0.plusMonths(13))), "rows");
		recognized.forEach((month, amount) -> assertThat(new BigDecimal(schedule.get(month).get("recognized")))
				.as("recognized in " + month).isEqualByComparingTo(amount));

		// ARR and bookings from the subscription versions and the list prices
		for (var day : List.of(fixture.m0, fixture.m1, fixture.m1.plusDays(5))) {
			assertThat(new BigDecimal(rows(report("arr", "asOf=" + day), "totals").get("all").get("arr")))
					.as("ARR on " + day).isEqualByComparingTo(rawArr(day));
		}
		var netNew = rows(report("bookings", "from=" + fixture.m0 + "&to=" + fixture.m1.plusDays(6)), "totals")
				.get("all").get("net_new");
		assertThat(new BigDecimal(netNew)).isEqualByComparingTo(rawArr(fixture.m1.plusDays(5))
				.subtract(rawArr(fixture.m0.minusDays(1))));
	}

	/** The voided invoices of the accounts, with the day the audit trail says they were voided. */
	private Map<UUID, LocalDate> voids(List<UUID> accounts) {
		var voids = new HashMap<UUID, LocalDate>();
		jdbc.sql("""
				SELECT i.id, a.occurred_at FROM invoice i JOIN audit_entry a ON a.entity_id = CAST(i.id AS TEXT)
				  AND a.action = 'invoice.voided'
				WHERE i.invoice_owner_account_id IN (:a) AND i.status = 'VOID'""").param("a", accounts)
				.query((rs, n) -> voids.put(rs.getObject(1, UUID.class),
						rs.getTimestamp(2).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate())).list();
		return voids;
	}

	/** Revenue per month computed straight from billing's records with plain arithmetic. */
	private Map<String, BigDecimal> rawRecognition(List<UUID> accounts, Map<UUID, LocalDate> voids) {
		record Line(UUID invoice, LocalDate issued, LocalDate from, LocalDate to, BigDecimal amount) {
		}
		var lines = jdbc.sql("""
				SELECT l.invoice_id, i.issued_on, l.service_from, l.service_to, l.amount FROM invoice_line l
				JOIN invoice i ON i.id = l.invoice_id
				WHERE i.invoice_owner_account_id IN (:a) AND i.status <> 'DRAFT' ORDER BY l.invoice_id, l.position""")
				.param("a", accounts).query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
						rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)))
				.list();
		var months = new TreeMap<String, BigDecimal>();
		for (var line : lines) {
			spread(months, line.amount(), line.from(), line.to(), line.issued());
		}
		record Document(UUID invoice, LocalDate day, BigDecimal amount) {
		}
		var documents = new ArrayList<Document>(jdbc.sql("""
				SELECT c.invoice_id, c.created_at, c.amount FROM credit_note c JOIN invoice i ON i.id = c.invoice_id
				WHERE i.invoice_owner_account_id IN (:a)""").param("a", accounts).query((rs, n) -> new Document(
						rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
						rs.getBigDecimal(3))).list());
		// a void reverses what the credit notes before it left
		voids.forEach((invoice, day) -> documents.add(new Document(invoice, day, lines.stream()
				.filter(l -> l.invoice().equals(invoice)).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
				.subtract(documents.stream().filter(d -> d.invoice().equals(invoice)).map(Document::amount)
						.reduce(BigDecimal.ZERO, BigDecimal::add)))));
		for (var document : documents) {
			var ofInvoice = lines.stream().filter(l -> l.invoice().equals(document.invoice())).toList();
			var total = ofInvoice.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			var running = BigDecimal.ZERO;
			var before = BigDecimal.ZERO;
			for (var line : ofInvoice) {
				running = running.add(line.amount());
				var upTo = document.amount().multiply(running).divide(total, 2, RoundingMode.HALF_EVEN);
				spread(months, upTo.subtract(before).negate(), line.from(), line.to(), document.day());
				before = upTo;
			}
		}
		return months;
	}

	/** Ratably per day, what falls before the document's day recognized on that day. */
	private static void spread(Map<String, BigDecimal> months, BigDecimal amount, LocalDate from, LocalDate to,
			LocalDate documentDay) {
		var days = ChronoUnit.DAYS.between(from, to);
		var previous = BigDecimal.ZERO;
		for (var month = YearMonth.from(from.isBefore(documentDay) ? from : documentDay);
				!month.atDay(1).isAfter(to.isAfter(documentDay) ? to : documentDay); month = month.plusMonths(1)) {
			var end = month.plusMonths(1).atDay(1);
			var passed = end.isAfter(documentDay) ? Math.max(0, Math.min(days, ChronoUnit.DAYS.between(from, end))) : 0;
			var upTo = amount.multiply(BigDecimal.valueOf(passed)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN);
			months.merge(month.toString(), upTo.subtract(previous), BigDecimal::add);
			previous = upTo;
		}
	}

	/** ARR on a day from the subscription versions (the one that holds) and the list prices per seat. */
	private BigDecimal rawArr(LocalDate day) {
		var subscriptions = List.of(fixture.sa1, fixture.sb1, fixture.sc1).stream().map(UUID::fromString).toList();
		return jdbc.sql("""
				WITH holding AS (
				  SELECT DISTINCT ON (v.subscription_id) v.subscription_id, v.snapshot
				  FROM subscription_version v WHERE v.subscription_id IN (:s) AND v.effective_on <= :d
				  ORDER BY v.subscription_id, v.version DESC),
				charges AS (
				  SELECT h.snapshot, h.snapshot ->> 'planCode' AS plan, CAST(h.snapshot ->> 'seats' AS INT) AS quantity FROM holding h
				  UNION ALL
				  SELECT h.snapshot, a.key, CAST(a.value AS INT) FROM holding h, jsonb_each_text(h.snapshot -> 'addOns') a)
				SELECT coalesce(sum(c.quantity * e.unit_price * CASE p.billing_period WHEN 'MONTHLY' THEN 12 ELSE 1 END), 0)
				FROM charges c
				JOIN catalog_plan p ON p.code = c.plan
				JOIN price_book_entry e ON e.version_id = CAST(c.snapshot ->> 'priceBookVersionId' AS UUID)
				  AND e.plan_code = c.plan AND e.currency = c.snapshot ->> 'currency'
				WHERE c.snapshot ->> 'status' <> 'CANCELLED' AND CAST(c.snapshot ->> 'termEnd' AS DATE) > :d
				  AND (c.snapshot ->> 'cancelsOn' IS NULL OR CAST(c.snapshot ->> 'cancelsOn' AS DATE) > :d)""")
				.param("s", subscriptions).param("d", Date.valueOf(day)).query(BigDecimal.class).single();
	}

	@Test
	void reportsAreForFinanceRefuseBadParametersAndExportFormulaSafeCsv() {
		var csv = fixture.finance().get("/api/v1/finance/arr.csv?asOf=" + fixture.m0 + "&by=region&"
				+ fixture.accountParameters());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("key,currency,arr,mrr,count").contains("EMEA,USD,3480.00,290.00,1");
		var itemsCsv = fixture.finance().get("/api/v1/finance/billings/items.csv?currency=USD&key=" + month(fixture.m0)
				+ "&" + fixture.accountParameters());
		assertThat(itemsCsv.body()).contains("CREDIT_NOTE").contains("-240.00");

		ProblemAssertions.assertProblem(fixture.finance().get("/api/v1/finance/arr?by=colour"), 400, "validation-failed");
		ProblemAssertions.assertProblem(fixture.finance().get("/api/v1/finance/billings?from=2027-05&to=2027-01"), 400,
				"validation-failed");
		ProblemAssertions.assertProblem(fixture.finance().get("/api/v1/finance/ar-aging?asOf=yesterday"), 400,
				"validation-failed");
		ProblemAssertions.assertProblem(fixture.finance().get("/api/v1/finance/ar-aging/items?key=1-30"), 400,
				"validation-failed");
		ProblemAssertions.assertProblem(fixture.finance().get("/api/v1/finance/profit"), 404, "not-found");
		ProblemAssertions.assertProblem(dev.baton.Http.to(port).as("ae").get("/api/v1/finance/arr"), 403, "forbidden");
		assertThat(dev.baton.Http.to(port).as("admin").get("/api/v1/finance/arr").status()).isEqualTo(200);
	}

	@Test
	void theFinancePageDrawsChartsBesideTheirNumbersAndDrillsDownToInvoices() {
		var session = dev.baton.PageSession.as(port, "finance");
		var months = "from=" + month(fixture.m0) + "&to=" + month(fixture.m1.plusMonths(1));
		var page = session.get("/finance?asOf=" + fixture.m0 + "&by=region&" + months);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<svg class=\"chart\"").contains("ARR by region, USD")
				.contains("Billed per month, USD").contains("Owed by days past due, USD").contains("Revenue schedule, USD")
				.contains("id=\"deferred-revenue-table\"").contains("/finance/arr.csv?asOf=" + fixture.m0 + "&amp;by=region");
		// the tables show each figure by its label, not only the charts
		assertThat(page.body()).contains("<th scope=\"col\" class=\"num\">ARR</th>").contains("<td class=\"num\">3,480.00</td>");
		var number = fixture.finance().get("/api/v1/invoices/" + fixture.invoices.get("A1")).json().path("number").asString();
		var drill = session.get("/finance/billings/items?key=" + month(fixture.m0) + "&currency=USD&" + months);
		assertThat(drill.status()).isEqualTo(200);
		assertThat(drill.body()).contains(number).contains("is the sum of these");
		assertThat(session.get("/finance?asOf=yesterday").body()).contains("role=\"alert\"").contains("asOf");
		assertThat(dev.baton.PageSession.as(port, "ae").get("/finance").status()).isEqualTo(403);
	}

	@Test
	void aReportIsAFewAggregatesThatReadItsRowsNotTheTables() {
		var ledger = jdbc.sql("SELECT (SELECT count(*) FROM finance_revenue) + (SELECT count(*) FROM finance_arr)")
				.query(Long.class).single();
		for (var report : List.of("arr?by=segment", "bookings?by=channel", "billings", "collections", "ar-aging",
				"deferred-revenue")) {
			statements.start();
			var response = fixture.finance().get("/api/v1/finance/" + report);
			var ran = statements.stop();
			assertThat(response.status()).isEqualTo(200);
			var answered = response.json().path("rows").size() + response.json().path("totals").size();
			assertThat(ran).as(report + " statements").hasSizeLessThanOrEqualTo(4);
			assertThat(statements.rows()).as(report + " rows read, of " + ledger + " rows of finance's tables")
					.isLessThanOrEqualTo(answered + 5);
		}
	}
}
