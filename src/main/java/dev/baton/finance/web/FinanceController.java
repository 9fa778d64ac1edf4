package dev.baton.finance.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.finance.FinanceReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The finance reports as JSON and CSV, each row with its drill-down, for finance and administrators.
 */
@RestController
@RequestMapping("/api/v1/finance")
@Tag(name = "Finance")
@PreAuthorize("hasAnyRole('FINANCE','ADMIN')")
class FinanceController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final FinanceReports reports;

	FinanceController(FinanceReports reports) {
		this.reports = reports;
	}

	@GetMapping("/{report}")
	@Operation(summary = "A finance report: arr (on asOf, by product, segment, channel or region), bookings (from..to, by), "
			+ "billings, collections and deferred-revenue (per month, from..to, to excluded), ar-aging (on asOf); "
			+ "optionally for some accounts")
	FinanceReports.Table report(@PathVariable String report,
			@Parameter(description = "the day (ARR, AR aging); default today") @RequestParam(required = false) String asOf,
			@Parameter(description = "the first day, or month for monthly reports") @RequestParam(required = false) String from,
			@Parameter(description = "the day, or month, after the last") @RequestParam(required = false) String to,
			@Parameter(description = "product, segment, channel or region") @RequestParam(required = false) String by,
			@Parameter(description = "only these accounts (repeat it)") @RequestParam(required = false) List<UUID> accountId) {
		var which = FinanceReports.Report.of(report);
		return reports.report(which, reports.resolve(which, asOf, from, to, by, accountId));
	}

	@GetMapping("/{report}.csv")
	@Operation(summary = "A finance report's rows as CSV")
	ResponseEntity<String> reportCsv(@PathVariable String report, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) List<UUID> accountId) {
		var which = FinanceReports.Report.of(report);
		return csv(which.slug(), reports.csv(reports.report(which, reports.resolve(which, asOf, from, to, by, accountId))));
	}

	@GetMapping("/{report}/items")
	@Operation(summary = "The items a report row is the sum of (orders, subscription charges, invoices, credit notes, "
			+ "voids, payments, refunds, revenue shares): key is the row's dimension value, month (2027-03) or AR bucket")
	FinanceReports.Items items(@PathVariable String report, @RequestParam(required = false) String key,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) List<UUID> accountId) {
		var which = FinanceReports.Report.of(report);
		return reports.items(which, reports.resolve(which, asOf, from, to, by, accountId), key, currency);
	}

	@GetMapping("/{report}/items.csv")
	@Operation(summary = "A report row's items as CSV")
	ResponseEntity<String> itemsCsv(@PathVariable String report, @RequestParam(required = false) String key,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(required = false) List<UUID> accountId) {
		var which = FinanceReports.Report.of(report);
		return csv(which.slug() + "-items",
				reports.csv(reports.items(which, reports.resolve(which, asOf, from, to, by, accountId), key, currency)));
	}

	static ResponseEntity<String> csv(String name, String body) {
		return ResponseEntity.ok().contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"baton-" + name + ".csv\"").body(body);
	}
}
