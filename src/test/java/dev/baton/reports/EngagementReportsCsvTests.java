package dev.baton.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.judgment.Judgments;

class EngagementReportsCsvTests {

	private final EngagementReports reports = new EngagementReports(null, null, null, null);

	private static EngagementReports.Report report(List<EngagementReports.StalledRow> stalled,
			List<EngagementReports.LoadRow> load) {
		var at = Instant.parse("2026-11-01T00:00:00Z");
		return new EngagementReports.Report(at, at.plusSeconds(86400), List.of(), load, stalled,
				new Judgments.Coverage(0, 0, BigDecimal.ZERO), 0, 0, List.of());
	}

	@Test
	void textThatLooksLikeAFormulaIsQuoted() {
		var at = Instant.parse("2026-11-01T00:00:00Z");
		var stalled = List.of(
				new EngagementReports.StalledRow(UUID.randomUUID(), "=HYPERLINK(\"http://evil\",\"x\")", "Circle Cascade",
						"Declined", "+1 call me", at),
				new EngagementReports.StalledRow(UUID.randomUUID(), "@SUM(A1)", "-Circle", "Declined", "\tcmd", at),
				new EngagementReports.StalledRow(UUID.randomUUID(), "\rmore", "Circle Thames", "Declined",
						"Budget = none; - dashes inside are fine", at));
		var csv = reports.csv(report(stalled, List.of()), "stalled");
		assertThat(csv).contains("'=HYPERLINK").contains("'+1 call me").contains("'@SUM(A1)").contains("'-Circle")
				.contains("'\tcmd").contains("'\rmore").contains(",Budget = none; - dashes inside are fine,");
		assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");
	}

	@Test
	void peopleNamesInTheLoadSectionAreQuotedToo() {
		var load = List.of(new EngagementReports.LoadRow(UUID.randomUUID(), "Circle Cascade", UUID.randomUUID(),
				"=cmd|' /C calc'!A0", 1, 0));
		assertThat(reports.csv(report(List.of(), load), "load")).contains("'=cmd").doesNotContain(",=cmd");
	}

	@Test
	void onsiteSpendPeriodCountsTheDaysThatStartBeforeTo() {
		assertThat(EngagementReports.spendFrom(Instant.parse("2027-07-01T00:00:00Z")))
				.isEqualTo(java.time.LocalDate.parse("2027-07-01"));
		assertThat(EngagementReports.spendUntil(Instant.parse("2027-10-01T00:00:00Z")))
				.isEqualTo(java.time.LocalDate.parse("2027-10-01"));
		assertThat(EngagementReports.spendUntil(Instant.parse("2027-09-30T12:00:00Z")))
				.isEqualTo(java.time.LocalDate.parse("2027-10-01"));
	}
}
