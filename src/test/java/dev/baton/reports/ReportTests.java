package dev.baton.reports;

import static dev.baton.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.baton.BatonIntegrationTest;
import dev.baton.DealFixtures;
import dev.baton.Http;

/**
 * The engagement reports through HTTP, as JSON and CSV.
 */
@BatonIntegrationTest
class ReportTests {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	private Http as(String user) {
		return Http.to(port).as(user);
	}

	private BigDecimal spend(String quarter, LocalDate from, LocalDate to) {
		var total = BigDecimal.ZERO;
		var report = as("sa-manager").get("/api/v1/governance/reports?from=" + from + "T00:00:00Z&to=" + to
				+ "T00:00:00Z");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		for (var row : report.json().path("onsiteSpend")) {
			if (row.path("quarter").asString().equals(quarter) && row.path("currency").asString().equals("USD")) {
				total = total.add(row.path("amount").decimalValue());
			}
		}
		return total;
	}

	@Test
	void triageNumbersAreTheEngagementMetrics() {
		var range = "?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z";
		var metrics = as("sa-manager").get("/api/v1/sa-requests/metrics" + range).json();
		var report = as("sa-manager").get("/api/v1/governance/reports" + range);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		var all = report.json().path("triage").get(0);
		assertThat(all.path("circle").asString()).isEqualTo("All circles");
		assertThat(all.path("filed").asLong()).isEqualTo(metrics.path("filed").asLong());
		assertThat(all.path("fastTrackShare").asDouble()).isEqualTo(metrics.path("fastTrackShare").asDouble());
		assertThat(all.path("slaAttainment").asDouble()).isEqualTo(metrics.path("slaAttainment").asDouble());
		assertThat(report.json().path("load").toString()).contains("Circle Cascade").contains("Sam Rivera");
		assertThat(report.json().path("judgmentCoverage").path("required").asLong()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void onsiteSpendCountsApprovedRequestsByQuarter() {
		var fixtures = new DealFixtures(port);
		// a day in the quarter after next, so it stays in the future whenever the test runs
		var quarterStart = LocalDate.now(clock).plusMonths(6).with(IsoFields.DAY_OF_QUARTER, 1);
		var nextQuarter = quarterStart.plusMonths(3);
		var day = quarterStart.plusDays(33).toString();
		var quarter = quarterStart.getYear() + "-Q" + quarterStart.get(IsoFields.QUARTER_OF_YEAR);
		var before = spend(quarter, quarterStart, nextQuarter);
		var body = fixtures.onsiteForm(fixtures.opportunity(Map.of()).path("id").asString(), "1234.50", List.of(day));
		var id = as("sa").post("/api/v1/onsite-requests", Http.json(body)).json().path("id").asString();
		as("sa-manager").header("If-Match", "\"0\"").post("/api/v1/onsite-requests/" + id + "/approvals",
				Http.json(Map.of("as", "SA_MANAGER")));
		assertThat(spend(quarter, quarterStart, nextQuarter)).isEqualByComparingTo(before);
		var approved = as("asm").header("If-Match", "\"1\"").post("/api/v1/onsite-requests/" + id + "/approvals",
				Http.json(Map.of("as", "ASM")));
		assertThat(approved.json().path("status").asString()).as(approved.body()).isEqualTo("APPROVED");
		assertThat(spend(quarter, quarterStart, nextQuarter)).isEqualByComparingTo(before.add(new BigDecimal("1234.50")));

		// the report counts the on-sites of its own period only: a period ending the day before leaves it out
		var partly = spend(quarter, quarterStart, quarterStart.plusDays(33));
		var withTheDay = spend(quarter, quarterStart, quarterStart.plusDays(34));
		assertThat(withTheDay.subtract(partly)).isGreaterThanOrEqualTo(new BigDecimal("1234.50"));
	}

	@Test
	void exportsEachSectionAsCsv() {
		var csv = as("asm").get("/api/v1/governance/reports/load.csv");
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("circle,person,assigned,assisting\r\n").contains("Circle Thames,(circle total)");
		for (var section : EngagementReports.SECTIONS) {
			assertThat(as("admin").get("/api/v1/governance/reports/" + section + ".csv").status()).isEqualTo(200);
		}
		assertProblem(as("asm").get("/api/v1/governance/reports/nothing.csv"), 404, "not-found");
		assertProblem(as("ae").get("/api/v1/governance/reports"), 403, "forbidden");
	}
}
