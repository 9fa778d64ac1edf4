package dev.baton.governance;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reports page and its CSV downloads.
 */
@Controller
@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
class GovernancePageController {

	private final GovernanceReports reports;
	private final Clock clock;

	GovernancePageController(GovernanceReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	// reports ------------------------------------------------------------------------------------

	@GetMapping("/governance/reports")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
	String reports(@RequestParam(defaultValue = "30") int days, Model model) {
		var span = Math.max(1, Math.min(days, 730));
		var to = clock.instant();
		model.addAttribute("days", span);
		model.addAttribute("report", reports.report(to.minus(Duration.ofDays(span)), to));
		model.addAttribute("titles", GovernanceReports.titles());
		model.addAttribute("sections", GovernanceReports.SECTIONS);
		return "governance/reports";
	}

	@GetMapping("/governance/reports/{section}.csv")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER','ASM','ADMIN')")
	org.springframework.http.ResponseEntity<String> reportCsv(@PathVariable String section,
			@RequestParam(defaultValue = "30") int days) {
		var span = Math.max(1, Math.min(days, 730));
		var to = clock.instant();
		var body = reports.csv(reports.report(to.minus(Duration.ofDays(span)), to), section);
		return org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"baton-" + section + ".csv\"")
				.body(body);
	}
}
