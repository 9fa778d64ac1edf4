package dev.baton.reports.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.reports.EngagementReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The engagement reports as JSON and, section by section, as CSV.
 */
@RestController
@Tag(name = "Reports")
@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
class ReportController {

	private final EngagementReports reports;
	private final Clock clock;

	ReportController(EngagementReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/api/v1/governance/reports")
	@Operation(summary = "Engagement reports over requests filed from..to (default the last 30 days)")
	EngagementReports.Report report(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to) {
		return reports.report(start(from, to), end(to));
	}

	@GetMapping("/api/v1/governance/reports/{section}.csv")
	@Operation(summary = "One report section as CSV: triage, load, stalled, judgments or onsite-spend")
	ResponseEntity<String> csv(@PathVariable String section, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to) {
		return CsvDownloads.of(section, reports.csv(reports.report(start(from, to), end(to)), section));
	}

	private Instant end(Instant to) {
		return to == null ? clock.instant() : to;
	}

	private Instant start(Instant from, Instant to) {
		return from == null ? end(to).minus(Duration.ofDays(30)) : from;
	}
}
