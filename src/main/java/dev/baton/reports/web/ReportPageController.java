package dev.baton.reports.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.reports.EngagementReports;

/**
 * The reports page over the last {@code days} days, and its CSV downloads.
 */
@Controller
@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
class ReportPageController {

	private static final int MAX_DAYS = 730;

	private final EngagementReports reports;
	private final Clock clock;

	ReportPageController(EngagementReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/governance/reports")
	String reports(@RequestParam(defaultValue = "30") int days, Model model) {
		model.addAttribute("days", span(days));
		model.addAttribute("report", report(days));
		model.addAttribute("titles", EngagementReports.titles());
		model.addAttribute("sections", EngagementReports.SECTIONS);
		return "reports/reports";
	}

	@GetMapping("/governance/reports/{section}.csv")
	ResponseEntity<String> reportCsv(@PathVariable String section, @RequestParam(defaultValue = "30") int days) {
		return CsvDownloads.of(section, reports.csv(report(days), section));
	}

	private EngagementReports.Report report(int days) {
		var to = clock.instant();
		return reports.report(to.minus(Duration.ofDays(span(days))), to);
	}

	private static int span(int days) {
		return Math.max(1, Math.min(days, MAX_DAYS));
	}
}
